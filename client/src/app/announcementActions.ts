import { announcementApi } from '../net/announcementApi.ts';
import { ApiError } from '../net/catalogApi.ts';

/** What the UI may ask about announcements (the hall room pushes the current ones by itself). */
export const announcementActions = {
  today: announcementApi.today,
  all: announcementApi.all,
  send: announcementApi.send,
  end: announcementApi.end,
};

/** The server's reason for a refusal, to show as it is ('' when there was no answer at all). */
export const refusalReason = (err: unknown): string => (err instanceof ApiError ? err.message : '');
