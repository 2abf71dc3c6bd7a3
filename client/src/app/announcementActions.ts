import { announcementApi } from '../net/announcementApi.ts';

/** What the UI may ask about announcements (the hall room pushes the current ones by itself). */
export const announcementActions = {
  today: announcementApi.today,
  all: announcementApi.all,
  send: announcementApi.send,
  end: announcementApi.end,
};
