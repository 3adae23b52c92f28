// IndexedDB for Dexie in a Node test process.
import 'fake-indexeddb/auto'
