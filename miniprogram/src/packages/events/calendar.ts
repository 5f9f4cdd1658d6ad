import type { EventDetailDto } from '@alumni/shared';
import type Taro from '@tarojs/taro';

/** Where the event happens, in one line: the place, or the link of an online event. */
export function placeLine(event: EventDetailDto): string {
  if (event.online) return event.onlineUrl ?? '线上';
  return [event.venue, event.address].filter(Boolean).join(' · ');
}

/** The arguments of wx.addPhoneCalendar: times in seconds, a reminder an hour before. */
export function phoneCalendarEntry(event: EventDetailDto): Taro.addPhoneCalendar.Option {
  return {
    title: event.title,
    startTime: Math.floor(Date.parse(event.startsAt) / 1000),
    // WeChat takes a number of seconds here too; Taro's typing says string by mistake.
    endTime: Math.floor(Date.parse(event.endsAt) / 1000) as unknown as string,
    location: placeLine(event),
    description: event.online && event.onlineUrl ? `参会链接：${event.onlineUrl}` : '',
    alarm: true,
    alarmOffset: 3600,
  };
}

const icsTime = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** RFC 5545 text: backslash, semicolon and comma escaped, newlines as \n. */
const icsText = (text: string) => text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');

/** RFC 5545 folds lines longer than 75 octets; counting characters keeps Chinese text well under that. */
function fold(line: string): string {
  const chunks: string[] = [];
  for (let i = 0; i < line.length; i += 60) chunks.push(line.slice(i, i + 60));
  return chunks.join('\r\n ');
}

/** The event as an .ics file, what the browser build offers instead of the phone calendar. */
export function eventIcs(event: EventDetailDto, now: Date = new Date()): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//AlumniLink//Events//ZH',
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${event.id}@alumnilink`,
    `DTSTAMP:${icsTime(now.toISOString())}`,
    `DTSTART:${icsTime(event.startsAt)}`,
    `DTEND:${icsTime(event.endsAt)}`,
    `SUMMARY:${icsText(event.title)}`,
    `LOCATION:${icsText(placeLine(event))}`,
    ...(event.online && event.onlineUrl ? [`URL:${event.onlineUrl}`] : []),
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${icsText(event.title)}`,
    'TRIGGER:-PT1H',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
