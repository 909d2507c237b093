// Paths of the kafé pages, in one place so links in pages, e-mails, push and calendars agree.
export const cafePaths = {
  list: () => "/cafes",
  create: () => "/cafes/new",
  propose: () => "/cafes/propose",
  cafe: (cafeId: string) => `/cafes/${cafeId}`,
  edit: (cafeId: string) => `/cafes/${cafeId}/edit`,
  cancel: (cafeId: string) => `/cafes/${cafeId}/cancel`,
  attendance: (cafeId: string) => `/cafes/${cafeId}/attendance`,
  calendarFile: (cafeId: string) => `/cafes/${cafeId}/calendar.ics`,
  company: (cafeId: string) => `/cafes/${cafeId}/company`,
  companyOffer: (offerId: string) => `/cafes/company/${offerId}`,
  series: (seriesId: string) => `/cafes/series/${seriesId}`,
  meetupApprovals: () => "/moderation/meetups",
  settings: () => "/settings/cafes",
  calendarSettings: () => "/settings/calendar",
  calendarFeed: (token: string) => `/calendar/${token}.ics`,
};
