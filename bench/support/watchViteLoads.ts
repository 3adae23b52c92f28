/**
 * Preloaded into `npm start`'s process by `bench:sync` (`node --import`): registers a module
 * resolve hook that appends to the file named by `YIDI_BENCH_VITE_LOG` every module it resolves
 * under node_modules/vite/, so the bench can say whether the running server holds Vite.
 */
import { register } from 'node:module'

register(new URL('./viteLoadHook.mjs', import.meta.url))
