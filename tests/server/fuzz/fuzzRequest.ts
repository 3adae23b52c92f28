import * as fc from 'fast-check'
import type { Endpoint, FuzzContext } from './endpoints.ts'
import { hostileString } from './hostileJson.ts'
import { type Mutation, mutatedJson, mutationArbitrary } from './mutation.ts'

/** Who the request claims to be. */
export type Credentials = 'none' | 'insured' | 'counter' | 'garbage' | 'tampered'

/** One request of the fuzz, before the context fills in tokens and ids. */
export interface FuzzRequest {
  endpoint: Endpoint
  credentials: Credentials
  garbageAuthorization: string
  mutation: Mutation
  /** Which line of an import the mutation hits. */
  line: number
  /** `undefined` sends the endpoint's own type. */
  contentType: string | undefined
  contentEncoding: string | undefined
  /** `undefined` uses the id of a record made before the fuzz. */
  pathSegment: string | undefined
  query: string
  attachment: Buffer | 'oversize'
}

const contentTypes = fc.constantFrom(
  'application/json; charset=utf-8', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/json; charset=koi8-r',
  'text/plain', 'application/x-ndjson', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml',
  'application/merge-patch+json', 'image/png', 'image/jpeg', 'application/pdf', '*/*', 'application/json, text/plain', 'garbage', '',
)

const PNG = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
const JPEG = [0xFF, 0xD8, 0xFF]

const attachmentBytes = fc.oneof(
  fc.uint8Array({ maxLength: 64 }).map(bytes => Buffer.from([...PNG, ...bytes])),
  fc.uint8Array({ maxLength: 64 }).map(bytes => Buffer.from([...JPEG, ...bytes])),
  fc.uint8Array({ maxLength: 64 }).map(bytes => Buffer.from(bytes)),
  // Over the 5 MB limit; made when sent, so a failure report does not print five million bytes.
  fc.constant('oversize' as const),
)

/** Every byte percent-encoded (encodeURIComponent refuses lone surrogates; their UTF-8 is U+FFFD). */
const percentEncoded = (text: string) => [...Buffer.from(text)].map(byte => `%${byte.toString(16).padStart(2, '0')}`).join('')

const pathSegment = fc.option(fc.oneof(
  fc.uuid(),
  hostileString.filter(text => text.length < 2_000).map(percentEncoded),
  fc.constantFrom('%00', '%ff', '%', '%2e%2e%2f', '..', '%E6%B5', 'a'.repeat(5_000), '__proto__', 'constructor'),
), { nil: undefined })

const query = fc.oneof(
  fc.nat().map(n => `since=${n}`),
  hostileString.filter(text => text.length < 2_000).map(text => `since=${percentEncoded(text)}`),
  fc.constantFrom('since=-1', 'since=1e400', 'since=1&since=2', 'since=%00', 'since=%', 'since[a]=1', 'since=', '', 'since=9007199254740993', '__proto__[x]=1'),
)

/** `arbitrary` once in `1 + rarity` requests, else undefined (the endpoint's own choice). */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, rarity: number) => fc.oneof({ weight: rarity, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary })

export function fuzzRequestArbitrary(endpoints: Endpoint[]): fc.Arbitrary<FuzzRequest> {
  return fc.record({
    // The batch engine and the import take the most varied input: they get more of the runs.
    endpoint: fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...endpoints) },
      { weight: 1, arbitrary: fc.constantFrom(...endpoints.filter(endpoint => endpoint.body === 'json')) },
      { weight: 1, arbitrary: fc.constantFrom(...endpoints.filter(endpoint => endpoint.path === '/api/sync' || endpoint.body === 'ndjson')) },
    ),
    credentials: fc.constantFrom<Credentials>('none', 'insured', 'insured', 'insured', 'counter', 'counter', 'counter', 'garbage', 'tampered'),
    garbageAuthorization: fc.constantFrom('Bearer abc', 'Bearer ', 'Bearer a.b.c', 'Basic dXNlcjpwYXNz', 'bearer x', `Bearer ${'A'.repeat(8_000)}`, 'Bearer eyJhbGciOiJub25lIn0.e30.'),
    mutation: mutationArbitrary,
    line: fc.nat(),
    contentType: sometimes(contentTypes, 6),
    contentEncoding: sometimes(fc.constantFrom('gzip', 'deflate', 'br', 'x-unknown', 'identity'), 12),
    pathSegment,
    query,
    attachment: attachmentBytes,
  })
}

const NATURAL_TYPE: Record<Endpoint['body'], string | undefined> = { json: 'application/json', ndjson: 'application/x-ndjson', bytes: 'image/png', none: undefined }

/** The bytes, headers and URL of one fuzz request. */
export function builtRequest(request: FuzzRequest, context: FuzzContext, tokens: { insured: string, counter: string }) {
  const { endpoint } = request
  const path = endpoint.path.replace(':id', request.pathSegment ?? (endpoint.path.startsWith('/api/attachments') ? context.attachmentId : context.commitmentId))
  const url = endpoint.query ? `${path}?${request.query}` : path
  let body: Buffer | undefined
  if (endpoint.body === 'json')
    body = mutatedJson(endpoint.valid?.(context), request.mutation)
  else if (endpoint.body === 'ndjson') {
    const lines = endpoint.valid?.(context) as unknown[]
    const hit = request.line % lines.length
    body = Buffer.concat(lines.flatMap((line, index) => [index === hit ? mutatedJson(line, request.mutation) : Buffer.from(JSON.stringify(line)), Buffer.from('\n')]))
  }
  else if (endpoint.body === 'bytes')
    body = request.attachment === 'oversize' ? Buffer.alloc(5 * 1024 * 1024 + 1, 0xFF) : request.attachment
  const headers: Record<string, string> = {}
  const contentType = request.contentType ?? NATURAL_TYPE[endpoint.body]
  if (body && contentType)
    headers['content-type'] = contentType
  if (body && request.contentEncoding)
    headers['content-encoding'] = request.contentEncoding
  const authorization = {
    none: undefined,
    insured: `Bearer ${tokens.insured}`,
    counter: `Bearer ${tokens.counter}`,
    garbage: request.garbageAuthorization,
    // One character of a real token changed: the signature no longer matches.
    tampered: `Bearer ${tokens.insured.slice(0, -2)}${tokens.insured.endsWith('AA') ? 'BB' : 'AA'}`,
  }[request.credentials]
  if (authorization)
    headers.authorization = authorization
  return { method: endpoint.method, url, headers, body }
}
