import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What the proxy may do to one request on its way to the server and back. */
export type Fault = 'drop-request' | 'drop-response' | 'unavailable' | 'delay' | 'kill-server'

export interface FaultProxyOptions {
  target: string
  random: () => number
  /** Share of sync requests that get a fault. */
  faultRate: number
  /** Kills (kill -9) the server; resolves once it is back. */
  restartServer: () => Promise<void>
  killServer: () => void
  maxKills: number
}

export interface FaultProxy {
  url: string
  faults: Record<Fault, number>
  close: () => Promise<void>
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of request)
    chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/**
 * A proxy on 127.0.0.1 that breaks sync requests the ways real networks and servers do: drops a
 * request before the server sees it, drops the answer after the server committed, answers 503,
 * delays, or kills the server mid-batch and restarts it. Everything else passes through.
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const faults: Record<Fault, number> = { 'drop-request': 0, 'drop-response': 0, 'unavailable': 0, 'delay': 0, 'kill-server': 0 }
  let restarting: Promise<void> | undefined

  function pickFault(): Fault | undefined {
    if (options.random() >= options.faultRate)
      return undefined
    const roll = options.random()
    if (roll < 0.03 && faults['kill-server'] < options.maxKills && !restarting)
      return 'kill-server'
    return (['drop-request', 'drop-response', 'unavailable', 'delay'] as const)[Math.floor(options.random() * 4)]
  }

  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request)
    const fault = request.url?.startsWith('/api/sync') ? pickFault() : undefined
    if (fault)
      faults[fault]++
    if (fault === 'drop-request')
      return request.socket.destroy()
    if (fault === 'unavailable') {
      response.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '0' })
      return response.end('{"status":503,"detail":"服务暂不可用"}')
    }
    if (fault === 'delay')
      await new Promise(done => setTimeout(done, 20 + options.random() * 180))
    if (fault === 'kill-server') {
      // Somewhere during the batch: before, during or after its commit.
      setTimeout(() => {
        options.killServer()
        restarting = options.restartServer().finally(() => {
          restarting = undefined
        })
      }, options.random() * 15)
    }
    try {
      const upstream = await fetch(`${options.target}${request.url}`, {
        method: request.method,
        headers: Object.fromEntries(Object.entries(request.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name)) as [string, string][]),
        ...(body.length > 0 ? { body: new Uint8Array(body) } : {}),
      })
      const answer = Buffer.from(await upstream.arrayBuffer())
      if (fault === 'drop-response')
        return request.socket.destroy()
      response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' })
      response.end(answer)
    }
    catch {
      request.socket.destroy()
    }
  })
  server.listen(0, '127.0.0.1')
  await new Promise(done => server.once('listening', done))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    faults,
    async close() {
      await restarting
      server.closeAllConnections()
      await new Promise(done => server.close(done))
    },
  }
}
