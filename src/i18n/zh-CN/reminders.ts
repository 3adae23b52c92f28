/** Reminders: the deadlines of the person's filings, the badge, the notification and the calendar. */
export default {
  reminders: {
    title: '办理提醒',
    upcoming: '即将到期',
    past: '已过期限',
    empty: '目前没有需要办理的期限',
    hint: '备案后，有效期截止、补齐材料等期限会显示在这里；住院后补办备案、申请手工报销的期限，联网打开一次后也会显示。离线也能查看。',
    daysLeft: '还有 {days} 天',
    today: '今天',
    addToCalendar: '加入日历',
    addToCalendarLabel: '将“{title}”加入日历',
    article: '依据：{article}',
    notifyOn: '开启到期通知',
    notificationTitle: '异地就医办理提醒',
    notificationBody: '{count} 项期限将在 14 天内到期',
    badgeLabel: '{count} 项即将到期',
    sms: {
      title: '短信提醒',
      hint: '到期前按规定天数发短信到备案时填写的联系电话',
      failed: '设置未能保存，请稍后重试',
    },
    kind: {
      temporary_filing_ends: '临时备案有效期截止',
      promise_materials_due: '承诺制备案补齐材料截止',
      emergency_filing_due: '急诊入院补办备案截止',
      manual_claim_due: '手工报销申请截止',
      referral_one_visit: '转诊备案仅限当次住院',
      long_term_lock_ends: '长期备案可以变更',
    },
  },
}
