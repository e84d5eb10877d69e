// The lines around a signature, in the languages Clientele reads: where it starts (a
// sign-off, a separator, a dash before a name) and where the message's own text ends
// (a quote attribution, a forwarded header, a mobile footer). Background only: these
// patterns are why signatures are read there and not in the content script.

const SIGN_OFFS = [
  // English
  'best',
  '(?:best|kind|warm|warmest|many|with) (?:regards|wishes)',
  'all the best',
  'regards',
  'thanks (?:&|and) regards',
  '(?:many )?thanks(?: again| so much)?',
  'thank you(?: so much)?',
  'thx',
  'cheers',
  '(?:yours )?sincerely(?: yours)?',
  'yours truly',
  'take care',
  'talk soon',
  // German
  'mit (?:den )?(?:freundlichen|besten) gr(?:ü|ue)(?:ß|ss)en',
  '(?:viele|beste|liebe|freundliche|herzliche|sonnige) gr(?:ü|ue)(?:ß|ss)e',
  'gr(?:ü|ue)(?:ß|ss)e',
  'lg|mfg|vg',
  // French
  '(?:bien )?cordialement',
  'bien à (?:vous|toi)',
  '(?:sinc[eè]res )?salutations(?: distinguées)?',
  '(?:bien )?amicalement',
  'merci(?: beaucoup| encore)?',
  // Spanish
  '(?:un )?saludos?(?: cordiales)?',
  'atentamente',
  'un abrazo',
  'gracias',
  // Portuguese
  'cumprimentos',
  'atenciosamente',
  'abra(?:ç|c)os?',
  'obrigad[oa]',
  // Italian
  '(?:cordiali|distinti|cari) saluti',
  'un (?:caro )?saluto',
  'grazie(?: mille)?',
  // Dutch
  'met vriendelijke groet(?:en)?',
  '(?:hartelijke )?groet(?:en)?',
  // Russian
  'с уважением',
  'спасибо',
  'всего доброго',
  // Polish
  'pozdrawiam(?: serdecznie)?',
  'serdecznie pozdrawiam',
  'z poważaniem',
  // Japanese
  '(?:どうぞ)?(?:よろしく|宜しく)お願い(?:いた|致)?します',
];

/**
 * A whole line that signs off, in any language above, with its punctuation and any
 * emoji after it (`Cheers 🎉`, `Saludos!`, `よろしくお願いします。`).
 */
export const SIGN_OFF = new RegExp(
  `^(?:${SIGN_OFFS.join('|')})[\\s,.!。、…]*(?:\\p{Extended_Pictographic}|\\u200d|\\ufe0f|\\s)*$`,
  'iu',
);

/** A line that separates a signature from the text: `--`, `-- `, `—`, `_____`. */
export const SEPARATOR = /^(?:--|—|–|[-_=~*]{3,})$/;

/** A name signed with a dash before it: `-Abhishek Kona`, ` -John Doe`, `— Ana`. */
export const DASH_NAME = /^[-–—~]\s?(?=\p{L})(.+)$/u;

// What ends a message's own text: a quote attribution in each language above
// (`On … wrote:`, `Am … schrieb …:`, `"Alexander L" <abc@…>:`), a forwarded or
// quoted header (`From:`, `-----Original Message-----`), a mobile footer.
const ATTRIBUTION = new RegExp(
  [
    '(?:wrote|schrieb|a écrit|escribió|escreveu|ha scritto|scrisse|schreef|написал[аи]?|napisał[a]?)(?:\\s.{0,60})?\\s?[:：]$',
    '^(?:on|am|le|el|em|il|op|w dniu)\\s.{6,}\\s(?:wrote|schrieb|a écrit|escribió|escreveu|ha scritto|schreef|napisał)',
    '書き(?:ました|込みました)[:：]?$',
    '>\\s*[:：]$',
    '^(?:from|sent|von|gesendet|de|envoyé|da|inviato|van|verzonden|от|отправлено|od|wysłano|enviado|差出人|送信日時)\\s*[:：]\\s*\\S',
    '^-+\\s*(?:original message|ursprüngliche nachricht|message d.origine|mensaje original|mensagem original|messaggio originale|oorspronkelijk bericht|исходное сообщение|wiadomość oryginalna|forwarded message)',
    '^(?:sent from my|envoyé de mon|von meinem .* gesendet|enviado desde mi|enviado do meu|inviato da|verzonden met)',
  ].join('|'),
  'iu',
);

/** Whether `line` ends the message's own text (see ATTRIBUTION); `>`-quoted lines too. */
export function endsOwnText(line: string): boolean {
  return line.startsWith('>') || ATTRIBUTION.test(line);
}
