import type { RouteMeta, RouteRecordNameGeneric } from 'vue-router'

/**
 * The tab a screen belongs to: its own name when it is a tab, else the tab its `meta.up` chain
 * leads to (a filing's page belongs to 查询, a new claim to 退费 through the claims list).
 * `metaOf` names a route's meta (the router's `resolve({ name }).meta`).
 */
export function tabOf(name: RouteRecordNameGeneric | undefined, meta: RouteMeta, tabs: ReadonlySet<string>, metaOf: (name: string) => RouteMeta): string | undefined {
  const seen = new Set<string>()
  let current = typeof name === 'string' ? name : undefined
  let up = meta.up
  while (current && !tabs.has(current) && up && !seen.has(current)) {
    seen.add(current)
    current = up
    up = metaOf(current).up
  }
  return current && tabs.has(current) ? current : undefined
}
