/// <reference types="vite/client" />

declare const __YIDI_BUILD_ID__: string

declare module '*.vue' {
  import type { DefineComponent } from 'vue'

  const component: DefineComponent<object, object, unknown>
  export default component
}
