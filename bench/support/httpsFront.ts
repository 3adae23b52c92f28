import type { AddressInfo, Socket } from 'node:net'
import http2 from 'node:http2'
import proxy from 'http2-proxy'
import { generate } from 'selfsigned'

export interface HttpsFront {
  url: string
  close: () => Promise<void>
}

/**
 * An HTTPS front speaking HTTP/2 before an app server, as a deployment's load balancer is: a
 * phone reaches the app over HTTPS (its service worker needs a secure origin) and fetches a
 * screen's files over one connection. The certificate is made up for the run, so the browser
 * must be started with `--ignore-certificate-errors`.
 */
export async function startHttpsFront(target: string): Promise<HttpsFront> {
  const { hostname, port } = new URL(target)
  const pems = await generate([{ name: 'commonName', value: hostname }], { keyType: 'ec', algorithm: 'sha256' })
  const server = http2.createSecureServer({ key: pems.private, cert: pems.cert, allowHTTP1: true })
  server.on('request', (req, res) => {
    proxy.web(req, res, { hostname, port: Number(port) }, (error) => {
      if (!error)
        return
      if (!res.headersSent)
        res.writeHead(502)
      res.end()
    })
  })
  // Closing ends the connections a browser keeps open, or close would wait for the browser.
  const sockets = new Set<Socket>()
  server.on('secureConnection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  server.listen(0, hostname)
  await new Promise<void>(resolve => server.once('listening', () => resolve()))
  return {
    url: `https://${hostname}:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve())
      for (const socket of sockets)
        socket.destroy()
    }),
  }
}
