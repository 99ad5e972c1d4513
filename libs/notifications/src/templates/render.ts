import type { Locale, NotifiedEventType } from '../events';
import type { DigestItem, NotificationContext, RenderedMessage } from './context';
import { en } from './en';
import { escapeHtml, formatDay, singleLine } from './format';
import { vi } from './vi';

export type NominationEventType = Extract<NotifiedEventType, `nomination.${string}`>;
export type FundEventType = Extract<NotifiedEventType, `fund.${string}`>;
export type NominationFacts = NonNullable<NotificationContext['nomination']>;
export type FundFacts = NonNullable<NotificationContext['fund']>;
export type StepRole = NonNullable<NominationFacts['step']>['role'];
export type InvitationFacts = NonNullable<NotificationContext['invitation']>;

/** A label and its value; rows whose value is undefined are left out. */
export type Fact = [label: string, value: string | undefined];

/** What one event says, before the greeting, layout and footer are added. */
export interface MessageContent {
  /** Without the bracketed tag, which the layout adds. */
  subject: string;
  /** What happened and what is expected of the recipient. */
  paragraphs: string[];
  facts: Fact[];
  /** The words on (or just above) the link. */
  linkLabel: string;
}

/** All the words of one language: vi.ts and en.ts each fill one. */
export interface LocaleWording {
  /** Starts every subject, so mail filters can sort the messages. */
  tag: string;
  greeting: (displayName: string) => string;
  footer: string;
  nomination: { [T in NominationEventType]: (nomination: NominationFacts) => MessageContent };
  fund: { [T in FundEventType]: (fund: FundFacts) => MessageContent };
  account: { 'user.invited': (invitation: InvitationFacts) => MessageContent };
  digest: (count: number, day: string) => { subject: string; intro: string };
}

const WORDING: Record<Locale, LocaleWording> = { vi, en };

export function renderNotification(context: NotificationContext): RenderedMessage {
  const locale = supportedLocale(context.recipient.locale);
  const wording = WORDING[locale];
  const content = contentFor(context, wording);
  return layout(locale, {
    subject: `${wording.tag} ${content.subject}`,
    greeting: wording.greeting(context.recipient.displayName),
    paragraphs: content.paragraphs,
    facts: content.facts,
    entries: [],
    link: { label: content.linkLabel, url: context.link },
    footer: wording.footer,
  });
}

export function renderDigest(
  recipient: { displayName: string; locale: Locale },
  items: DigestItem[],
  date: string,
): RenderedMessage {
  const locale = supportedLocale(recipient.locale);
  const wording = WORDING[locale];
  const { subject, intro } = wording.digest(items.length, formatDay(date, locale));
  return layout(locale, {
    subject: `${wording.tag} ${subject}`,
    greeting: wording.greeting(recipient.displayName),
    paragraphs: [intro],
    facts: [],
    entries: items.map((item) => ({ title: singleLine(item.subject), url: item.link })),
    footer: wording.footer,
  });
}

// The locale comes from a user's settings row; anything unknown gets the default language.
const supportedLocale = (locale: string): Locale => (locale === 'en' ? 'en' : 'vi');

const isFundEvent = (type: NotifiedEventType): type is FundEventType => type.startsWith('fund.');

function contentFor(context: NotificationContext, wording: LocaleWording): MessageContent {
  const { type } = context;
  if (type === 'user.invited') {
    if (!context.invitation) throw new Error('An invitation needs the invitation in its context');
    return wording.account[type](context.invitation);
  }
  if (isFundEvent(type)) {
    if (!context.fund) throw new Error(`A ${type} notification needs the fund in its context`);
    return wording.fund[type](context.fund);
  }
  if (!context.nomination) {
    throw new Error(`A ${type} notification needs the nomination in its context`);
  }
  return wording.nomination[type](context.nomination);
}

interface MessageBody {
  subject: string;
  greeting: string;
  paragraphs: string[];
  facts: Fact[];
  /** Digest lines: each a title and its own link. */
  entries: { title: string; url: string }[];
  link?: { label: string; url: string };
  footer: string;
}

const layout = (locale: Locale, body: MessageBody): RenderedMessage => ({
  subject: singleLine(body.subject),
  text: toText(body),
  html: toHtml(locale, body),
});

const presentFacts = (facts: Fact[]): [string, string][] =>
  facts.filter((fact): fact is [string, string] => fact[1] !== undefined && fact[1] !== '');

function toText(body: MessageBody): string {
  const blocks = [
    body.greeting,
    ...body.paragraphs,
    presentFacts(body.facts)
      .map(([label, value]) => `${label}: ${value}`)
      .join('\n'),
    body.entries.map((entry, index) => `${index + 1}. ${entry.title}\n${entry.url}`).join('\n\n'),
    body.link ? `${body.link.label}:\n${body.link.url}` : '',
    `-- \n${body.footer}`,
  ];
  return `${blocks.filter((block) => block !== '').join('\n\n')}\n`;
}

const STYLE = {
  body: 'margin:0;padding:24px;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#1f2328',
  card: 'max-width:600px;margin:0 auto;padding:24px;background:#ffffff;border:1px solid #d8dde3',
  paragraph: 'margin:0 0 16px',
  table: 'border-collapse:collapse;margin:0 0 16px',
  label:
    'padding:4px 16px 4px 0;text-align:left;vertical-align:top;font-weight:normal;color:#57606a',
  value: 'padding:4px 0;vertical-align:top',
  list: 'margin:0 0 16px;padding-left:24px',
  link: 'color:#0b57d0',
  footer: 'margin:24px 0 0;font-size:12px;color:#6e7781',
};

/** Escapes, and keeps the line breaks a comment may contain. */
const htmlText = (value: string): string => escapeHtml(value).replace(/\r?\n/g, '<br>');

const anchor = (url: string, label: string): string =>
  `<a href="${escapeHtml(url)}" style="${STYLE.link}">${htmlText(label)}</a>`;

function toHtml(locale: Locale, body: MessageBody): string {
  const paragraph = (text: string) => `<p style="${STYLE.paragraph}">${htmlText(text)}</p>`;
  const facts = presentFacts(body.facts);
  const parts = [
    paragraph(body.greeting),
    ...body.paragraphs.map(paragraph),
    facts.length === 0
      ? ''
      : `<table role="presentation" style="${STYLE.table}">${facts
          .map(
            ([label, value]) =>
              `<tr><th scope="row" style="${STYLE.label}">${htmlText(label)}</th>` +
              `<td style="${STYLE.value}">${htmlText(value)}</td></tr>`,
          )
          .join('')}</table>`,
    body.entries.length === 0
      ? ''
      : `<ol style="${STYLE.list}">${body.entries
          .map((entry) => `<li style="margin:0 0 8px">${anchor(entry.url, entry.title)}</li>`)
          .join('')}</ol>`,
    body.link ? `<p style="${STYLE.paragraph}">${anchor(body.link.url, body.link.label)}</p>` : '',
    `<p style="${STYLE.footer}">${htmlText(body.footer)}</p>`,
  ];
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(singleLine(body.subject))}</title>`,
    '</head>',
    `<body style="${STYLE.body}">`,
    `<div style="${STYLE.card}">`,
    ...parts.filter((part) => part !== ''),
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
