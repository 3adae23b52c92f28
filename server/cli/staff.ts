/**
 * `npm run staff -- <command>`: manages hospital counter and 参保地 agency accounts on the
 * configured database.
 *
 *   add --username u --hospital-code H53010200001 --hospital-name 某医院 --city 530100
 *       (once the city's 定点医疗机构 are imported, the code must be one of them)
 *   add --role agency --username u --agency-name 某医保经办机构 --region 220200
 *   reset-password --username u
 *   disable --username u
 *   list
 *
 * Passwords are generated, printed once, and must be changed at first sign-in. A reset or a
 * disable ends the account's sessions on every device at their next request.
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { addAgencyAccount } from '../auth/agencyAccounts.ts'
import { addStaffAccount, disableStaffAccount, resetStaffPassword } from '../auth/staffAccounts.ts'
import { loadEnv } from '../env.ts'
import { counterHospitalRefusal } from '../hospitals/counterHospital.ts'
import { openStore } from '../store/index.ts'

const USAGE = `用法：
  npm run staff -- add --username <用户名> --hospital-code <医院编码> --hospital-name <医院名称> --city <城市代码>
  npm run staff -- add --role agency --username <用户名> --agency-name <经办机构名称> --region <统筹区代码>
  npm run staff -- reset-password --username <用户名>
  npm run staff -- disable --username <用户名>
  npm run staff -- list`

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`)
  process.exit(2)
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    'username': { type: 'string' },
    'hospital-code': { type: 'string' },
    'hospital-name': { type: 'string' },
    'city': { type: 'string' },
    'role': { type: 'string' },
    'agency-name': { type: 'string' },
    'region': { type: 'string' },
  },
})
const [command] = positionals

const env = loadEnv()
const store = await openStore(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { sqliteFile: join(env.YIDI_DATA_DIR, 'yidi.sqlite') })
try {
  if (command === 'add' && values.role === 'agency') {
    const { username, region } = values
    const agencyName = values['agency-name']
    if (!username || !agencyName || !region)
      fail('缺少参数')
    if (!/^\w{3,64}$/.test(username))
      fail('用户名只能包含字母、数字和下划线，3-64位')
    if (!/^\d{6}$/.test(region))
      fail('统筹区代码应为6位数字，例如 220200')
    const password = await addAgencyAccount(store.db, { username, agencyName, regionCode: region })
    console.log(`已创建经办机构账号 ${username}（${agencyName}，${region}）。一次性密码：${password}（首次登录后须修改）`)
  }
  else if (command === 'add' && values.role !== undefined && values.role !== 'counter') {
    fail(`未知角色：${values.role}（可选 counter 或 agency）`)
  }
  else if (command === 'add') {
    const { username, city } = values
    const hospitalCode = values['hospital-code']
    const hospitalName = values['hospital-name']
    if (!username || !hospitalCode || !hospitalName || !city)
      fail('缺少参数')
    if (!/^\w{3,64}$/.test(username))
      fail('用户名只能包含字母、数字和下划线，3-64位')
    if (!/^\d{6}$/.test(city))
      fail('城市代码应为6位数字，例如 530100')
    const refusal = await counterHospitalRefusal(store.db, hospitalCode, city)
    if (refusal) {
      console.error(refusal)
      process.exitCode = 1
    }
    else {
      const password = await addStaffAccount(store.db, { username, hospitalCode, hospitalName, cityCode: city })
      console.log(`已创建账号 ${username}（${hospitalName}，${city}）。一次性密码：${password}（首次登录后须修改）`)
    }
  }
  else if (command === 'reset-password') {
    if (!values.username)
      fail('缺少 --username')
    const password = await resetStaffPassword(store.db, values.username)
    if (!password)
      fail(`没有账号 ${values.username}`)
    console.log(`账号 ${values.username} 的新一次性密码：${password}（登录后须修改；已登录的设备须重新登录）`)
  }
  else if (command === 'disable') {
    if (!values.username)
      fail('缺少 --username')
    if (!await disableStaffAccount(store.db, values.username))
      fail(`没有账号 ${values.username}`)
    console.log(`账号 ${values.username} 已停用，已登录的设备须重新登录。重置密码可重新启用。`)
  }
  else if (command === 'list') {
    const rows = await store.db.selectFrom('staff_accounts').select(['username', 'role', 'hospital_code', 'hospital_name', 'city_code', 'must_change_password', 'disabled_at']).orderBy('username').execute()
    for (const row of rows)
      console.log(`${row.username}\t${row.role}\t${row.hospital_code || '-'}\t${row.hospital_name}\t${row.city_code}${row.disabled_at ? '\t（已停用）' : row.must_change_password ? '\t（待修改密码）' : ''}`)
  }
  else {
    fail(command ? `未知命令：${command}` : '缺少命令')
  }
}
finally {
  await store.close()
}
