import type { RouteLocationNormalizedLoaded, RouteLocationRaw } from 'vue-router'

/**
 * Where the app bar's back arrow leads: in the filing wizard, the step before (its first step
 * leads out to 备案); elsewhere the screen the route names as `meta.up`. A fixed place, not the
 * browser's history, so a screen opened from a link or a bookmark still has a way back.
 */
export function upFrom(route: Pick<RouteLocationNormalizedLoaded, 'name' | 'params' | 'meta'>): RouteLocationRaw | undefined {
  const step = Number(route.params.step)
  if (route.name === 'filing-step' && step > 1)
    return { name: 'filing-step', params: { step: step - 1 } }
  return route.meta.up ? { name: route.meta.up } : undefined
}
