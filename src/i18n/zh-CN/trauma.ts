export default {
  trauma: {
  },
}
