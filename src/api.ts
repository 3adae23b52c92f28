/** Base URL of the API, next to wherever the app itself is served (it may live under a path). */
export const API_BASE = `${import.meta.env.BASE_URL}api`
