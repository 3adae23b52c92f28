import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pathPattern, readRouteTable } from '../../../server/build/routeTable.ts'

const src = resolve(import.meta.dirname, '../../../src')
const screens = readRouteTable(resolve(src, 'router.ts'))
const screen = (path: string) => screens.find(entry => entry.path === path)

describe('the route table read from src/router.ts, for the pages that name a screen\'s files', () => {
  it('gives a filing\'s page its layout and its own view, outermost first', () => {
    expect(screen('/lookup/:id')?.components).toEqual([resolve(src, 'components/InsuredLayout.vue'), resolve(src, 'features/lookup/FilingDetailView.vue')])
  })

  it('gives / what /filing shows, as / redirects there', () => {
    expect(screen('/')?.components).toEqual(screen('/filing')?.components)
    expect(screen('/filing')?.components.at(-1)).toBe(resolve(src, 'features/filing/FilingHomeView.vue'))
  })

  it('gives the counter\'s sign-in its own view, without the counter\'s layout', () => {
    expect(screen('/counter/sign-in')?.components).toEqual([resolve(src, 'features/counter/CounterSignInView.vue')])
    expect(screen('/counter')?.components).toEqual([resolve(src, 'features/counter/CounterLayout.vue'), resolve(src, 'features/counter/verify/CounterVerifyView.vue')])
  })

  it('names every screen once', () => {
    expect(new Set(screens.map(entry => entry.path)).size).toBe(screens.length)
    expect(screens.length).toBeGreaterThan(20)
  })
})

describe('a vue-router path as a pattern over URL paths', () => {
  it.each([
    ['/lookup/:id', '/lookup/3f1c', true],
    ['/lookup/:id', '/lookup/3f1c/', true],
    ['/lookup/:id', '/lookup/3f1c/print', false],
    ['/lookup/:id', '/lookup', false],
    ['/filing/new/:step(\\d)?', '/filing/new', true],
    ['/filing/new/:step(\\d)?', '/filing/new/3', true],
    ['/filing/new/:step(\\d)?', '/filing/new/x', false],
    ['/', '/', true],
    ['/', '/filing', false],
    ['/counter/sign-in', '/counter/sign-in', true],
    ['/counter/sign-in', '/counter/sign-inx', false],
  ])('%s matches %s: %s', (path, url, matches) => {
    expect(pathPattern(path)?.test(url)).toBe(matches)
  })

  it('has no pattern for a catch-all: an unknown path gets index.html', () => {
    expect(pathPattern('/:pathMatch(.*)*')).toBeUndefined()
  })
})
