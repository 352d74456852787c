/**
 * Whole-line boilerplate rules: page furniture that announces itself by its wording.
 * Each rule names the reason recorded in `removed`. Rules carry a length limit so that a
 * body paragraph that merely mentions "copyright" or "subscribe" is never taken out.
 * The concepts follow trafilatura's discard vocabulary and boilerpipe's terminating blocks.
 */

export interface LineRule {
  reason: string;
  test: RegExp;
  /** the rule only applies to lines at most this long */
  maxLength: number;
  /** a line matching it marks the end of the article when it follows the body */
  terminator?: boolean;
}

const SHARE_NAMES =
  '(?:share(?: on| via| to)?|tweet|facebook|twitter|x|whatsapp|telegram|linkedin|e-?mail|print|pinterest|reddit|vk|ok|copy link|messenger|viber|flipboard|tumblr)';

export const LINE_RULES: LineRule[] = [
  // "Last updated: Wednesday, 31 May 2023", "Updated 3 hours ago": a stamp is short and has a number soon after the word.
  {
    reason: 'update stamp',
    maxLength: 80,
    test: /^(?:last[\s-]+)?(?:updated?|modified|edited|revised|changed)(?:\s+(?:on|at))?\s*(?::\s*|\s+)(?:\p{L}+\.?,?\s+){0,2}\d/iu,
  },
  { reason: 'update stamp', maxLength: 140, test: /^(?:обновлено|изменено)(?=[\s:]|$)/i },
  // "1 hour ago", "Kyrgyzstan Review, 10 years ago": a relative stamp, page furniture
  {
    reason: 'relative stamp',
    maxLength: 60,
    test: /^[^\d]*(?:^|[\s,])(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago$|^(?:just now|yesterday|today)$/iu,
  },
  // "Telefon : +90 312 473 80 41 - Faks : …", "Tel.: +7 (727) 123-45-67": the site's address block
  { reason: 'contact details', maxLength: 400, test: /(?:^|\s)(?:tel(?:efon|ephone)?|phone|fax|faks|тел(?:ефон)?|факс)\.?\s*:?\s*\+?\d[\d\s()-]{6,}/iu },
  { reason: 'access stamp', maxLength: 140, test: /^\[?(?:last\s+)?(?:accessed|retrieved|viewed)\b/i },
  { reason: 'citation', maxLength: 800, test: /^(?:cite as|citation|how to cite|suggested citation|to cite this)\b/i },
  { reason: 'disclaimer', maxLength: 800, test: /^disclaimer/i },
  {
    reason: 'disclaimer',
    maxLength: 400,
    test: /\b(?:is not responsible for (?:the )?content|do(?:es)? not necessarily (?:reflect|represent) the (?:views|opinions?|position)|views expressed (?:here|in this)[^.]{0,60}\b(?:are|do not|don't)\b)/i,
  },
  {
    reason: 'credit line',
    maxLength: 600,
    terminator: true,
    test: /^(?:this (?:article|story|report|piece|item|content|feature) (?:was|is|has been) (?:originally |first )?(?:produced|published|written|provided|prepared|distributed|reproduced|republished)\b|(?:originally|first) published (?:by|in|on|at)\b)/i,
  },
  { reason: 'credit line', maxLength: 300, test: /^\(?(?:additional )?(?:reporting|editing|writing|compiled) by\b[^.]*\)?\.?$/i },
  {
    reason: 'copyright',
    maxLength: 300,
    terminator: true,
    // no i flag: with it, \p{Lu} would match any letter and "(c) the …" would read as a copyright
    test: /©|\([cC]\)\s*(?:\d{4}|\p{Lu})|^(?:[Cc]opyright|COPYRIGHT)\b|\b(?:is|are) subject to copyright\b|\b(?:[Aa]ll [Rr]ights [Rr]eserved|ALL RIGHTS RESERVED)\b|\b[Rr]eproduction\b[^.]{0,40}\bprohibited\b|[Вв]се права защищены/u,
  },
  {
    reason: 'donation appeal',
    maxLength: 700,
    terminator: true,
    test: /\b(?:support (?:our|independent|quality|public[- ]interest) (?:journalism|reporting|work|newsroom)|become an? (?:member|patron|supporter|subscriber)\b|make a (?:donation|contribution)|donate (?:now|today|to us|here)|donations? (?:mean|help|keep|allow)|your (?:donation|support|contribution) (?:helps|keeps|allows|makes|means)|help us (?:deliver|keep|continue|fund|remain))/i,
  },
  // "Read on the site example.com", "Читать на сайте radiosputnik.ru": a widget naming a site
  {
    reason: 'site link',
    maxLength: 80,
    test: /^(?:read (?:it |more |this )?on(?: the site| the website)?|open (?:it )?(?:on|in) (?:the )?(?:site|app)|читать (?:на сайте|в источнике|полностью)|открыть на сайте|читать далее на)\s+\S+$/iu,
  },
  {
    reason: 'share widget',
    maxLength: 120,
    terminator: true,
    test: new RegExp(
      `^(?:share (?:this|the) (?:article|story|page|post|report)|${SHARE_NAMES}(?:[\\s,|·•/:]+${SHARE_NAMES})*|[\\d,.]+k? shares?|поделиться.*)[:!.]?$`,
      'i',
    ),
  },
  {
    reason: 'comments',
    maxLength: 120,
    terminator: true,
    test: /^\[?\s*(?:join the (?:discussion|conversation|debate)|(?:leave|post|add|write) a (?:comment|reply)|add your comment|comments?(?: \(\d+\))?|\d+ comments?|(?:show|view|read|load|see) (?:all )?(?:\d+ )?comments|have your say|(?:reader|readers'|top(?: rated)?|most (?:popular|liked)|latest|recent) comments|comments are closed|комментари\S*)\s*\]?[:.!]?$/i,
  },
  {
    reason: 'subscribe prompt',
    maxLength: 200,
    test: /^(?:subscribe\b|sign up (?:for|to)\b|get (?:our|the) (?:\S+ )?(?:newsletter|briefing|daily)|get (?:breaking )?news alerts\b|(?:breaking news|daily|news) (?:emails|alerts|newsletters?)$|follow us\b|join (?:us|our \S+) on\b|подпис(?:ывайтесь|аться))/i,
  },
  { reason: 'subscribe prompt', maxLength: 150, test: /\b(?:our|the|daily|weekly|free)\s+(?:[\w-]+\s+)?newsletters?\b|\bto your inbox\b/i },
  {
    reason: 'account prompt',
    maxLength: 150,
    test: /^(?:sign in|log ?in|log out|register|create an? (?:free )?account|my account)\b|\b(?:already have an account|(?:do not|don't) (?:already )?have an account|click here)\b/i,
  },
  // "Search", "Search Refworld", "Advanced Search" — but not a headline such as "Search for survivors"
  {
    reason: 'site search',
    maxLength: 40,
    test: /^(?:[Aa]dvanced [Ss]earch|[Ss]earch(?: (?:this site|the site|our site|\p{Lu}[\p{L}\p{N}.-]*))?|[Ss]earch for:?|SEARCH|[Пп]оиск)$/u,
  },
  // "Newsroom logo", "Site logo" — not "Kazakhstan unveils new state logo"
  { reason: 'logo', maxLength: 60, test: /^(?:(?:\p{Lu}\S*|site|header|footer|company|brand)\s+){0,3}[Ll]ogo$|^(?:[Ll]ogo|LOGO)\b/u },
  {
    reason: 'related links',
    maxLength: 200,
    terminator: false,
    test: /^(?:related(?: (?:articles|stories|news|posts|content|coverage|topics|reading))?|read (?:more|also|next)|see also|also read|more (?:from|on) [^.]{1,60}|more stories|more news|you (?:may|might) also (?:like|be interested in)|recommended(?: for you| stories| reading)?|most (?:read|popular|viewed|shared)|trending(?: now)?|top stories|latest news|editor'?s picks?|explore further|читайте также|по теме|смотрите также)\s*(?:[:»>|–—-].*)?$/i,
  },
  { reason: 'tags', maxLength: 300, test: /^(?:tags?|filed under|keywords|categories|category|теги)\s*:\s*\S/i },
  { reason: 'photo credit', maxLength: 200, test: /^\(?(?:photo|image|picture|illustration|video|photograph|file photo|фото)s?\s*(?:credit)?\s*(?::|by\b|©)/i },
  // "Credit: Agency Photo/Name", "Credits: …": a picture's credit on its own line
  { reason: 'photo credit', maxLength: 120, test: /^credits?\s*:\s*\S/i },
  // "A reference habitation module … Credit: ESA": a caption signed by its credit
  { reason: 'caption', maxLength: 400, test: /[.)]\s+(?:Credit|Photo|Image|Picture|Source|Фото|Источник)\s*:\s*[^.]{2,80}$/u },
  // "Фото пресс-службы СГБ Узбекистана", "Photo courtesy of the ministry", "Сурет: …": a short credit with no sentence
  {
    reason: 'photo credit',
    maxLength: 100,
    test: /^\(?(?:photo|фото|сурет|surat|сурат|عکس|صورة|图片|图)(?:\s+(?:courtesy|of|by|from|пресс-службы|из|с сайта|предоставлено|взято)\b|\s*[:：])[^.!?]*$/iu,
  },
  { reason: 'advertisement', maxLength: 40, test: /^(?:advertisement|advertising|sponsored(?: content)?|promoted|реклама)$/i },
  {
    reason: 'navigation',
    maxLength: 120,
    test: /^(?:(?:home|about(?: us)?|contact(?: us)?|privacy(?: policy)?|terms(?: of (?:use|service))?|terms and conditions|cookies?(?: policy| settings)?|site ?map|advertise(?: with us)?|careers|rss(?: feeds?)?|faq|menu|main menu|skip to (?:main )?content|back to top|newsroom|editorial (?:policy|team)|our team|accessibility|jobs|imprint|impressum)(?:\s*[|•·/]\s*|$))+$/i,
  },
  {
    reason: 'footer',
    maxLength: 120,
    test: /^(?:our (?:standards|editorial (?:standards|policy))\b|report an? (?:error|typo|correction)|(?:send us|submit) a (?:tip|correction|story)|contact the (?:author|editor|newsroom)|(?:found|spotted) a (?:mistake|typo|error)|editorial (?:standards|guidelines)\b)|\btrust principles\b/i,
  },
  {
    reason: 'page furniture',
    maxLength: 60,
    test: /^(?:print(?: this)?(?: article| page)?|font size|text size|listen(?: to this article)?|loading\.{0,3}|close|toggle navigation|page \d+ of \d+|\d+ min(?:ute)? read|scroll to (?:top|continue))$/i,
  },
];

/** The first rule a line matches, or null. */
export function matchLineRule(text: string): LineRule | null {
  for (const rule of LINE_RULES) {
    if (text.length <= rule.maxLength && rule.test.test(text)) return rule;
  }
  return null;
}
