/** One stroke of a handwritten signature: points in CSS pixels, `t` in ms since the first point. */
export type SignatureStroke = { x: number, y: number, t: number }[]

/** Fewer points or a smaller box than this is a tap or a dot, not a signature. */
export const MIN_SIGNATURE_POINTS = 12
export const MIN_SIGNATURE_EXTENT_PX = 40

/**
 * Why a signature is not enough, or undefined when it is: an empty pad or a trivially short mark
 * is refused (issue: "an empty or trivially short signature is refused").
 */
export function signatureProblem(strokes: readonly SignatureStroke[]): string | undefined {
  const points = strokes.flat()
  if (points.length === 0)
    return '请在签名框内手写签名'
  const xs = points.map(point => point.x)
  const ys = points.map(point => point.y)
  const extent = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys))
  if (points.length < MIN_SIGNATURE_POINTS || extent < MIN_SIGNATURE_EXTENT_PX)
    return '签名过短，请用正楷或常用笔迹完整签写姓名'
  return undefined
}
