/** Reminders: the deadlines of the person's filings, the badge, the notification and the calendar. */
export default {
  reminders: {
    title: 'Reminders',
    upcoming: 'Coming up',
    past: 'Past deadlines',
    empty: 'Nothing is due at the moment',
    hint: 'Once you have filed, deadlines such as the end of a filing or handing in materials show here; after a hospital stay, the last day to file late or to claim by hand shows too, once the app has been online. Offline too.',
    daysLeft: '{days} days left',
    today: 'Today',
    addToCalendar: 'Add to calendar',
    addToCalendarLabel: 'Add “{title}” to the calendar',
    article: 'Rule: {article}',
    notifyOn: 'Notify me of deadlines',
    notificationTitle: 'Medical care away from home: reminder',
    notificationBody: '{count} deadlines within 14 days',
    badgeLabel: '{count} due soon',
    sms: {
      title: 'SMS reminders',
      hint: 'A text to the contact phone of your filing a set number of days before each deadline',
      failed: 'The setting could not be saved. Please try again later',
    },
    kind: {
      temporary_filing_ends: 'Temporary filing ends',
      promise_materials_due: 'Last day to hand in the promise filing’s materials',
      emergency_filing_due: 'Last day to file after an emergency admission',
      manual_claim_due: 'Last day to claim reimbursement by hand',
      referral_one_visit: 'Referral filing covers one stay only',
      long_term_lock_ends: 'Long-term filing may be changed again',
    },
  },
}
