// One plain object literal of strings per feature, so a build plugin can precompile each file.
import claims from './zh-CN/claims'
import counter from './zh-CN/counter'
import directory from './zh-CN/directory'
import filing from './zh-CN/filing'
import lookup from './zh-CN/lookup'
import money from './zh-CN/money'
import reminders from './zh-CN/reminders'
import shell from './zh-CN/shell'
import stay from './zh-CN/stay'
import trauma from './zh-CN/trauma'

export default { ...shell, ...filing, ...lookup, ...trauma, ...counter, ...money, ...directory, ...claims, ...reminders, ...stay }
