import type { RequestHandler } from 'express'
import { callerOf } from '../auth/caller.ts'

/**
 * Runs before an upload's body is read: an anonymous caller, or a `Content-Length` over `maxBytes`,
 * is answered at once, so nobody can make the server buffer megabytes it would then refuse.
 * `Connection: close` lets Node drop the socket instead of reading the rest of the body to reuse it.
 */
export function refuseBeforeReading(maxBytes: number, tooLarge: () => Error): RequestHandler {
  return (req, res, next) => {
    try {
      callerOf(res)
      const declared = Number(req.get('content-length') ?? 0)
      if (declared > maxBytes)
        throw tooLarge()
    }
    catch (error) {
      res.set('Connection', 'close')
      throw error
    }
    next()
  }
}
