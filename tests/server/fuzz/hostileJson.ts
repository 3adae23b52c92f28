import * as fc from 'fast-check'

/**
 * Arbitraries of hostile JSON, as text: what an attacker or a broken client puts where a field
 * goes. Text, not values, so nesting no JSON.stringify survives and numbers no double can hold
 * reach the server as they were written.
 */

const controlCharacter = fc.integer({ min: 0, max: 0x1F }).map(code => String.fromCharCode(code))
const oddCharacter = fc.constantFrom('\u0000', '\u2028', '\u2029', '\uD800', '\uDFFF', '\uFEFF', '\u202E', '\u00A0', '%00', '\\', '"', '<script>', '🙂', '测', '𠀀')

/** Strings with NUL and other control characters, lone surrogates, and strings too long for any field. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: fc.oneof(controlCharacter, oddCharacter, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }).map(text => `${text}\u0000${text}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 60_000 }).map(length => '测'.repeat(length)) },
  // About 1 MiB and over: the body limit answers 413.
  { weight: 1, arbitrary: fc.integer({ min: 340_000, max: 400_000 }).map(length => 'x'.repeat(length * 3)) },
)

const edgeNumberText = fc.constantFrom(
  '0', '-0', '1e400', '-1e400', '1e-400', '5e-324', '1.7976931348623157e308', '9007199254740993', '-9007199254740993',
  '123456789012345678901234567890', '2147483648', '-2147483649', '0.1', '1.5', '-1', '1E2', '0e0',
)

/** Numbers at the edges: beyond doubles, beyond safe integers, negative zero, fractions where integers go. */
export const hostileNumber: fc.Arbitrary<string> = fc.oneof(
  edgeNumberText,
  fc.double().map(value => JSON.stringify(value)),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String),
)

/** Arrays or objects nested up to 20,000 levels, the attack that once overflowed the hash. */
export const deepNesting: fc.Arbitrary<string> = fc.record({
  depth: fc.oneof(fc.integer({ min: 2, max: 64 }), fc.integer({ min: 1_000, max: 20_000 })),
  shape: fc.constantFrom('array', 'object', 'mixed'),
}).map(({ depth, shape }) => {
  if (shape === 'array')
    return `${'['.repeat(depth)}${']'.repeat(depth)}`
  if (shape === 'object')
    return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
  return `${'[{"a":'.repeat(depth)}null${'}]'.repeat(depth)}`
})

const prototypeKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__')

/** Objects whose keys would pollute a prototype if copied carelessly. */
export const prototypeKeys: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(prototypeKey, fc.jsonValue({ maxDepth: 2 })).map(([key, value]) => `{${JSON.stringify(key)}:${JSON.stringify(value)}}`),
  fc.constantFrom('{"__proto__":{"role":"counter","isAdmin":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '{"__proto__":null}'),
)

/** Text that is not JSON at all, so the whole body it lands in is malformed. */
export const malformedJson: fc.Arbitrary<string> = fc.constantFrom('{', '[', '"unterminated', 'tru', '{"a":}', '{\'a\':1}', '{"a":1,}', 'NaN', 'Infinity', 'undefined', '\u0000', '', '/* */1', '0x10', '01')

/** Any value of the wrong type: booleans, null, numbers, strings, lists, objects. */
export const wrongType: fc.Arbitrary<string> = fc.jsonValue({ maxDepth: 3 }).map(value => JSON.stringify(value) ?? 'null')

/** One hostile JSON fragment of any kind, mostly well-formed so the body reaches the routes. */
export const hostileFragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileString.map(text => JSON.stringify(text)) },
  { weight: 3, arbitrary: wrongType },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 2, arbitrary: deepNesting },
  { weight: 2, arbitrary: prototypeKeys },
  { weight: 1, arbitrary: malformedJson },
)

/** Bytes that are not UTF-8: stray continuation bytes, overlong forms, surrogates, a cut sequence. */
export const invalidUtf8: fc.Arbitrary<Buffer> = fc.oneof(
  fc.constantFrom([0xFF], [0xFE, 0xFF], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE6, 0xB5], [0x80]),
  fc.uint8Array({ minLength: 1, maxLength: 16 }).map(bytes => [...bytes]),
).map(bytes => Buffer.from(bytes))
