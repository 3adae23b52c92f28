import type { RequestHandler } from 'express'
import { callerOf } from '../auth/caller.ts'

/**
 * Runs before an upload's body is read: an anonymous caller, or a `Content-Length` over `maxBytes`,
 * is answered at once, so nobody can make the server buffer megabytes it would then refuse. Node
 * discards the rest of such a body as it arrives; the connection stays open so that the phone
 * reads the answer (401: sign in again, 413: too large) rather than a reset.
 */
export function refuseBeforeReading(maxBytes: number, tooLarge: () => Error): RequestHandler {
  return (req, res, next) => {
    callerOf(res)
    if (Number(req.get('content-length') ?? 0) > maxBytes)
      throw tooLarge()
    next()
  }
}
