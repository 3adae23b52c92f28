import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import ts from 'typescript'

/** One screen of the router: its full path, and the files of the components it shows, outermost first. */
export interface RouteScreen {
  path: string
  components: string[]
}

/**
 * Reads the route table of `src/router.ts` as written (without running it): every route with a
 * `component: () => import('…')`, its path joined to its parents', its layouts' components
 * before its own. A `redirect: '/x'` route shows what `/x` shows. Guards are not followed.
 */
export function readRouteTable(routerFile: string): RouteScreen[] {
  const source = ts.createSourceFile(routerFile, readFileSync(routerFile, 'utf8'), ts.ScriptTarget.Latest, true)
  const screens: RouteScreen[] = []
  const redirects: { path: string, to: string }[] = []

  function visitRoutes(list: ts.ArrayLiteralExpression, parentPath: string, parentComponents: string[]): void {
    for (const element of list.elements) {
      if (!ts.isObjectLiteralExpression(element))
        continue
      const path = stringProperty(element, 'path')
      if (path === undefined)
        continue
      const fullPath = joinPath(parentPath, path)
      const component = importedComponent(element)
      const components = component ? [...parentComponents, resolve(dirname(routerFile), component)] : parentComponents
      const redirect = stringProperty(element, 'redirect')
      const children = property(element, 'children')
      // A layout shows a child: its own path is the child with path ''.
      if (children && ts.isArrayLiteralExpression(children))
        visitRoutes(children, fullPath, components)
      else if (redirect !== undefined)
        redirects.push({ path: fullPath, to: redirect })
      else if (component)
        screens.push({ path: fullPath, components })
    }
  }

  function visit(node: ts.Node): void {
    if (ts.isPropertyAssignment(node) && propertyName(node) === 'routes' && ts.isArrayLiteralExpression(node.initializer))
      visitRoutes(node.initializer, '', [])
    else
      ts.forEachChild(node, visit)
  }
  visit(source)

  for (const { path, to } of redirects) {
    const target = screens.find(screen => screen.path === to)
    if (target)
      screens.push({ path, components: target.components })
  }
  return screens
}

/**
 * A vue-router path as a regular expression over a URL's path: `:id` is one segment,
 * `:step(\\d)?` an optional segment of that pattern. A catch-all (`*`, `+`) has none (undefined).
 */
export function pathPattern(path: string): RegExp | undefined {
  let pattern = ''
  for (const segment of path.split('/').filter(Boolean)) {
    const param = /^:\w+(?:\((.+)\))?([?*+])?$/.exec(segment)
    if (!param) {
      pattern += `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`
      continue
    }
    const [, custom, modifier] = param
    if (modifier === '*' || modifier === '+')
      return undefined
    const part = `/(?:${custom ?? '[^/]+'})`
    pattern += modifier === '?' ? `(?:${part})?` : part
  }
  return new RegExp(`^${pattern}/?$`)
}

function joinPath(parent: string, path: string): string {
  if (path.startsWith('/'))
    return path
  if (path === '')
    return parent || '/'
  return `${parent.replace(/\/$/, '')}/${path}`
}

function propertyName(node: ts.PropertyAssignment): string | undefined {
  return ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) ? node.name.text : undefined
}

function property(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const member of object.properties) {
    if (ts.isPropertyAssignment(member) && propertyName(member) === name)
      return member.initializer
  }
  return undefined
}

function stringProperty(object: ts.ObjectLiteralExpression, name: string): string | undefined {
  const value = property(object, name)
  return value && ts.isStringLiteralLike(value) ? value.text : undefined
}

/** `component: () => import('./x.vue')` → `./x.vue`. */
function importedComponent(object: ts.ObjectLiteralExpression): string | undefined {
  const value = property(object, 'component')
  if (!value || !ts.isArrowFunction(value) || !ts.isCallExpression(value.body))
    return undefined
  const call = value.body
  const [specifier] = call.arguments
  return call.expression.kind === ts.SyntaxKind.ImportKeyword && specifier && ts.isStringLiteralLike(specifier) ? specifier.text : undefined
}
