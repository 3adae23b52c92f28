import type { RequestHandler } from 'express'
import { callerOf } from '../auth/caller.ts'

/**
 * Runs before an upload's body is read: an anonymous caller, or a `Content-Length` over `maxBytes`,
 * is answered at once, so nobody can make the server buffer megabytes it would then refuse.
 * A signed-in phone (even with an expired token) keeps its connection: Node discards the rest of
 * the body as it arrives, and the phone reads the answer (401: sign in again, 413: too large)
 * rather than a reset it would retry. A request with no token at all never comes from the app,
 * so its connection is closed and the rest of its body is not even received.
 */
export function refuseBeforeReading(maxBytes: number, tooLarge: () => Error): RequestHandler {
  return (req, res, next) => {
    if (!req.get('authorization'))
      res.set('Connection', 'close')
    callerOf(res)
    if (Number(req.get('content-length') ?? 0) > maxBytes)
      throw tooLarge()
    next()
  }
}
