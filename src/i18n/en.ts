// One plain object literal of strings per feature, so a build plugin can precompile each file.
import claims from './en/claims'
import counter from './en/counter'
import directory from './en/directory'
import filing from './en/filing'
import lookup from './en/lookup'
import money from './en/money'
import reminders from './en/reminders'
import shell from './en/shell'
import stay from './en/stay'
import trauma from './en/trauma'
import type zhCN from './zh-CN'

// Typed against the Chinese messages: a group or key missing here fails the type check.
const en: typeof zhCN = { ...shell, ...filing, ...lookup, ...trauma, ...counter, ...money, ...directory, ...claims, ...reminders, ...stay }

export default en
