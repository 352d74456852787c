/**
 * The parser on article shapes from publishers that are not among the seeds: wire copy,
 * broadcaster pages, hard-wrapped archives, Russian-language pages. Rules, not cases.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseArticle } from '../src/corpus/article.js';
import { parseTexts } from '../src/pipeline/parse.js';
import { cleanAuthor, dateline } from '../src/corpus/metadata.js';
import { findDate, labelledPublicationDate, standaloneDate } from '../src/corpus/dates.js';

const parse = (text: string) => parseArticle({ file: 'x.txt', text });

describe('wire copy', () => {
  const reuters = [
    'World',
    '',
    'Kazakhstan detains 12 suspected Islamist militants',
    '',
    'By Olzhas Auyezov and Mariya Gordeyeva',
    '',
    '3 min read',
    '',
    'September 1, 2017 10:32 AM UTC Updated 6 years ago',
    '',
    'ALMATY, Kazakhstan (Reuters) - Kazakh security forces have detained 12 people suspected of planning attacks in the city of Almaty, the National Security Committee said on Friday.',
    '',
    'The committee said the group had links to militants in Syria and had been plotting to attack police stations, according to a statement.',
    '',
    '(Reporting by Olzhas Auyezov; Editing by Andrew Osborn)',
    '',
    'Our Standards: The Thomson Reuters Trust Principles.',
  ].join('\n');

  it('reads headline, authors, date before "Updated", dateline and agency', () => {
    const a = parse(reuters);
    assert.equal(a.title, 'Kazakhstan detains 12 suspected Islamist militants');
    assert.equal(a.author, 'Olzhas Auyezov, Mariya Gordeyeva');
    assert.equal(a.published, '2017-09-01');
    assert.equal(a.dateline, 'ALMATY');
    assert.equal(a.publisher, 'Reuters');
    assert.deepEqual(a.section, ['World']);
    assert.equal(a.paragraphs.length, 2);
    assert.ok(a.paragraphs[0]!.startsWith('ALMATY, Kazakhstan (Reuters) - Kazakh security forces'));
    assert.ok(a.removed.some((r) => r.reason === 'credit line' && r.text.startsWith('(Reporting by')));
    assert.ok(a.removed.some((r) => r.reason === 'page furniture' && r.text === '3 min read'));
  });

  it('reads an AP dateline with an em dash', () => {
    const a = parse(
      'BISHKEK, Kyrgyzstan (AP) — Police in Kyrgyzstan said Tuesday they had detained five men accused of recruiting for the Islamic State group in the south of the country.',
    );
    assert.equal(a.dateline, 'BISHKEK');
    assert.equal(a.publisher, 'Associated Press');
    assert.equal(a.title, null);
  });
});

describe('unknown mastheads', () => {
  it('takes a first line shaped like an outlet for the publisher, not a headline ending in "Report"', () => {
    const a = parse(
      'The Moscow Times\n\nRussia Expands Security Cooperation With Tajikistan\n\nBy Jane Roe\n\nRussia and Tajikistan agreed on Monday to expand joint exercises near the Afghan border, officials said.',
    );
    assert.deepEqual([a.title, a.publisher, a.author], ['Russia Expands Security Cooperation With Tajikistan', 'The Moscow Times', 'Jane Roe']);
    const b = parse(
      'Central Asia Security Report\n\nThe annual report found that the number of attacks in the region fell by a third last year, its authors said.',
    );
    assert.equal(b.title, 'Central Asia Security Report');
    assert.equal(b.publisher, null);
  });
});

describe('agency datelines', () => {
  it('reads "ASTANA. KAZINFORM -" as place and agency', () => {
    const a = parse(
      'KNB detains five over terror plot\n12 March 2019, 10:41\nASTANA. KAZINFORM - The National Security Committee detained five people suspected of planning an attack in Almaty, the press service reported.',
    );
    assert.equal(a.dateline, 'ASTANA');
    assert.equal(a.publisher, 'Kazinform');
    assert.equal(a.published, '2019-03-12');
  });

  it('reads a title-case dateline made one by its agency, and a section label with no headline', () => {
    const a = parse(
      'Uzbekistan\nTashkent, Uzbekistan (UzDaily.com) -- Uzbek authorities on Tuesday sentenced 12 members of a banned group to prison terms of up to eight years.',
    );
    assert.equal(a.dateline, 'Tashkent');
    assert.equal(a.publisher, 'UzDaily');
    assert.deepEqual(a.section, ['Uzbekistan']);
    assert.equal(a.title, null);
    assert.match(a.paragraphs[0]!, /^Tashkent, Uzbekistan \(UzDaily\.com\) -- /);
  });
});

describe('wire datelines and labels glued to the text', () => {
  it('reads the agency between slashes or after a dash, after a date, in any script', () => {
    const tass = dateline('MOSCOW, August 23. /TASS/. The army controls the border, the secretary general said.');
    assert.deepEqual([tass?.place, tass?.agency], ['MOSCOW', 'TASS']);
    assert.equal(dateline('МОСКВА, 18 октября/ Радио Sputnik. На юге начались учения.')?.agency, 'Радио Sputnik');
    assert.equal(dateline('TOShKENT, 16 fev — Sputnik. Davlat xavfsizlik xizmati a’zosini qo‘lga oldi.')?.agency, 'Sputnik');
    assert.equal(dateline('Moscow, he said — the talks. More follows here.'), null, 'a place in title case is no wire dateline');
  });

  it('takes a date label off the running text instead of dropping the paragraph, and finds the dateline under a standfirst', () => {
    const a = parse(
      'Border under control\n\nThe alliance sees no need for more troops.\n\ndate 2021-08-23 MOSCOW, August 23. /TASS/. Tajikistan’s army controls the situation at the border with Afghanistan, the secretary general said on Monday.',
    );
    assert.equal(a.published, '2021-08-23');
    assert.equal(a.publisher, 'TASS');
    assert.ok(
      a.paragraphs.some((p) => p.startsWith('MOSCOW, August 23. /TASS/. Tajikistan’s army')),
      'the text is kept',
    );
  });

  it('removes a "read on the site" widget line', () => {
    const a = parse(
      'Учения на юге\n\nЧитать на сайте example.ru\nМОСКВА, 18 октября/ Радио Sputnik. На юге страны начались учения войск стран-членов организации, передает корреспондент.',
    );
    assert.ok(a.removed.some((r) => r.reason === 'site link'));
    assert.equal(a.publisher, 'Radio Sputnik');
  });
});

describe('broadcaster and magazine pages', () => {
  it('takes a masthead as the publisher, never as the title, and a "name date" byline', () => {
    const a = parse(
      [
        'Eurasianet',
        '',
        'Kyrgyzstan: Police detain suspected extremists in Osh',
        '',
        'Ayzirek Imanaliyeva May 28, 2019',
        '',
        'Police in the southern city of Osh have detained four people suspected of distributing leaflets of a banned Islamist group, officials said on Tuesday.',
        '',
        'The four are accused of belonging to Hizb ut-Tahrir, which is outlawed across Central Asia.',
      ].join('\n'),
    );
    assert.equal(a.publisher, 'Eurasianet');
    assert.equal(a.title, 'Kyrgyzstan: Police detain suspected extremists in Osh');
    assert.equal(a.author, 'Ayzirek Imanaliyeva');
    assert.equal(a.published, '2019-05-28');
  });

  it('reads a BBC-style 1999 date line and skips a two-word section label', () => {
    const a = parse(
      [
        'BBC News',
        'Tuesday, August 24, 1999 Published at 05:34 GMT 06:34 UK',
        '',
        'World: Asia-Pacific',
        'Kyrgyz hostage crisis deepens',
        '',
        'Armed Islamic militants holding four Japanese geologists in southern Kyrgyzstan have issued fresh demands, officials in Bishkek say.',
      ].join('\n'),
    );
    assert.equal(a.publisher, 'BBC');
    assert.equal(a.published, '1999-08-24');
    assert.equal(a.title, 'Kyrgyz hostage crisis deepens');
    assert.deepEqual(a.section, ['World', 'Asia-Pacific']);
  });

  it('reads "Home > World > Asia" breadcrumbs, © lines, related links and tags', () => {
    const a = parse(
      [
        'Home > World > Asia',
        'Tajik court jails 20 over prison riot',
        'Published: 05/28/2009',
        '',
        'A court in Dushanbe has sentenced 20 inmates to additional prison terms over a riot in which officials say 32 people died.',
        '',
        'The riot broke out at a high-security prison in Vahdat, east of the capital, prosecutors said.',
        '',
        'Related articles',
        'Tajikistan tightens control over mosques',
        'Islamic State claims attack on cyclists',
        '',
        'Tags: Tajikistan, prisons, extremism',
        '© 2019 Asia-Plus. All rights reserved.',
      ].join('\n'),
    );
    assert.deepEqual(a.section, ['World', 'Asia']);
    assert.equal(a.title, 'Tajik court jails 20 over prison riot');
    assert.equal(a.published, '2009-05-28');
    assert.equal(a.publisher, 'Asia-Plus');
    assert.equal(a.paragraphs.length, 2);
    assert.ok(a.removed.some((r) => r.reason === 'related links' && r.text === 'Islamic State claims attack on cyclists'));
  });

  it('cuts share-widget names and link markers glued into the text, and records them', () => {
    const a = parse(
      [
        'Uzbekistan frees prisoners held on extremism charges',
        '',
        'President Shavkat Mirziyoyev pardoned more than 100 people convicted of religious extremism, his office said. [link] Most had served over half of their sentences.',
        '',
        'Relatives welcomed the decision but said many more remain in prison.Share on FacebookShare on TwitterEmail',
      ].join('\n'),
    );
    assert.equal(
      a.paragraphs[0],
      'President Shavkat Mirziyoyev pardoned more than 100 people convicted of religious extremism, his office said. Most had served over half of their sentences.',
    );
    assert.equal(a.paragraphs[1], 'Relatives welcomed the decision but said many more remain in prison.');
    assert.equal(a.removed.filter((r) => r.reason === 'web debris').length, 2);
  });
});

describe('service bylines, section trails and author bios', () => {
  it('takes a service byline as no author, and an abbreviation masthead as the publisher', () => {
    const a = parse(
      [
        'Skip to main content',
        'RFE/RL',
        'Search',
        '',
        'Kazakhstan',
        "Kazakh Court Sentences Man For 'Extremist' Posts",
        'January 10, 2020 11:21 GMT',
        "By RFE/RL's Kazakh Service",
        '',
        'ALMATY -- A court in southern Kazakhstan has sentenced a local resident to five years in prison for posting "extremist" materials online.',
        '',
        'Copyright (c) 2020. RFE/RL, Inc. Used with the permission of Radio Free Europe/Radio Liberty.',
      ].join('\n'),
    );
    assert.equal(a.author, null);
    assert.equal(a.publisher, 'Radio Free Europe/Radio Liberty');
    assert.equal(a.title, "Kazakh Court Sentences Man For 'Extremist' Posts");
    assert.equal(a.published, '2020-01-10');
    assert.deepEqual(a.section, ['Kazakhstan']);
    assert.equal(a.dateline, 'ALMATY');
    assert.equal(a.paragraphs.length, 1);
  });

  it('reads "Security | Central Asia" as the section and drops the closing author bio', () => {
    const a = parse(
      [
        'The Diplomat',
        'Security | Central Asia',
        "Why Kyrgyzstan's Border Conflicts Keep Flaring",
        'The roots of the conflict lie in Soviet-era demarcation.',
        'By Catherine Putz',
        'May 03, 2021',
        'Advertisement',
        'Clashes on the Kyrgyz-Tajik border last week left dozens dead and thousands displaced, the worst violence between the two states since independence.',
        'Catherine Putz is managing editor of The Diplomat.',
      ].join('\n'),
    );
    assert.equal(a.title, "Why Kyrgyzstan's Border Conflicts Keep Flaring");
    assert.deepEqual(a.section, ['Security', 'Central Asia']);
    assert.equal(a.author, 'Catherine Putz');
    assert.equal(a.published, '2021-05-03');
    assert.equal(a.publisher, 'The Diplomat');
    assert.deepEqual(a.paragraphs, [
      'The roots of the conflict lie in Soviet-era demarcation.',
      'Clashes on the Kyrgyz-Tajik border last week left dozens dead and thousands displaced, the worst violence between the two states since independence.',
    ]);
    assert.ok(a.removed.some((r) => r.reason === 'author bio'));
  });
});

describe('archives and other scripts', () => {
  it('joins a hard-wrapped archive text and reads a date-and-agency dateline', () => {
    const a = parse(
      [
        'UZBEKISTAN ARRESTS DOZENS AFTER BOMBINGS',
        '',
        '16 February 1999 (RFE/RL) - Uzbek authorities have arrested dozens',
        'of people suspected of involvement in the bombings in Tashkent',
        'that killed 16 people, the Interior Ministry said on Tuesday.',
        '',
        'President Islam Karimov blamed the attacks on Islamic extremists',
        'and said those responsible would be found and punished in the',
        'strictest way the law allows, according to state television.',
      ].join('\n'),
    );
    assert.equal(a.published, '1999-02-16');
    assert.equal(a.publisher, 'Radio Free Europe/Radio Liberty');
    assert.equal(a.paragraphs.length, 2);
    assert.equal(
      a.paragraphs[0],
      '16 February 1999 (RFE/RL) - Uzbek authorities have arrested dozens of people suspected of involvement in the bombings in Tashkent that killed 16 people, the Interior Ministry said on Tuesday.',
    );
  });

  it('parses a Russian page without losing or mangling its paragraphs', () => {
    const text = [
      'Главная / Казахстан',
      '',
      'В Актобе задержаны подозреваемые в терроризме',
      '',
      '12 марта 2019 года, 10:15',
      '',
      'Сотрудники КНБ задержали в Актобе трёх человек, подозреваемых в подготовке теракта, сообщили в пресс-службе ведомства.',
      '',
      'По данным следствия, задержанные поддерживали связь с боевиками в Сирии.',
      '',
      'Поделиться',
    ].join('\n');
    const a = parse(text);
    assert.deepEqual(a.section, ['Казахстан']);
    assert.equal(a.title, 'В Актобе задержаны подозреваемые в терроризме');
    assert.equal(a.published, '2019-03-12');
    assert.deepEqual(a.paragraphs, [
      'Сотрудники КНБ задержали в Актобе трёх человек, подозреваемых в подготовке теракта, сообщили в пресс-службе ведомства.',
      'По данным следствия, задержанные поддерживали связь с боевиками в Сирии.',
    ]);
  });

  it('keeps short Arabic and Kazakh paragraphs that no English rule recognises', () => {
    const a = parse(
      ['Қазақстанда терроризмге қарсы жаттығу өтті', '', 'Алматыда арнайы жасақтар жаттығу өткізді.', '', 'قالت الشرطة إن التدريب انتهى بنجاح.'].join('\n'),
    );
    assert.equal(a.title, 'Қазақстанда терроризмге қарсы жаттығу өтті');
    assert.deepEqual(a.paragraphs, ['Алматыда арнайы жасақтар жаттығу өткізді.', 'قالت الشرطة إن التدريب انتهى بنجاح.']);
  });

  it('keeps lettered list items and sentences that start with "By the"', () => {
    const a = parse(
      [
        'Law on extremism amended',
        '',
        'The amendments oblige the authorities to do three things:',
        '(a) register every religious group;',
        '(c) the government must publish the list of banned groups each year.',
        '',
        'By the end of 2015 the number of banned groups had doubled, officials said.',
      ].join('\n'),
    );
    assert.ok(a.paragraphs.some((p) => p.includes('(c) the government must publish')));
    assert.ok(a.paragraphs.some((p) => p.startsWith('By the end of 2015')));
    assert.equal(a.author, null);
  });

  it('keeps headlines and sentences that merely use furniture words', () => {
    const a = parse(['Search for survivors', '', 'The group printed a newsletter calling for attacks on police, prosecutors said.'].join('\n'));
    assert.equal(a.title, 'Search for survivors');
    assert.deepEqual(a.paragraphs, ['The group printed a newsletter calling for attacks on police, prosecutors said.']);
    const b = parse(['Kazakhstan unveils new state logo', '', 'The ministry said the logo would appear on every passport issued from next year.'].join('\n'));
    assert.equal(b.title, 'Kazakhstan unveils new state logo');
  });

  it('handles CRLF, a BOM, no-break spaces and trailing spaces', () => {
    const a = parse('\uFEFFKazakh police detain six\r\n\r\nPolice\u00a0in Taraz detained six people on Monday, officials said.   \r\n');
    assert.equal(a.title, 'Kazakh police detain six');
    assert.deepEqual(a.paragraphs, ['Police in Taraz detained six people on Monday, officials said.']);
  });
});

describe('cross-document template lines', () => {
  const appeal = 'Our reporting is funded by readers like you, and every contribution keeps our coverage of the region independent and free.';
  const doc = (title: string, body: string) => [title, '', body, '', appeal, '', 'Share this story'].join('\n');

  it('drops a closing line that several documents share, but not a shared quote inside the body', () => {
    const quote = '“We will not allow extremists to destabilise the region,” the minister said at the briefing in Astana.';
    const articles = parseTexts([
      {
        file: 'a.txt',
        text: [
          'Minister warns of threats',
          '',
          'The defence minister spoke on Monday about security on the southern border of the country, where troops have been reinforced since the spring.',
          '',
          quote,
          '',
          'He gave no further details about the operations on the border, but said that several groups had been detained in recent weeks.',
          '',
          'Analysts said the statement was meant to reassure investors ahead of the summit, which opens in the capital next month.',
          '',
          appeal,
        ].join('\n'),
      },
      {
        file: 'b.txt',
        text: [
          'Border security tightened',
          '',
          'Officials announced new checkpoints along the southern border of the country on Tuesday, a day after the minister spoke about the threat.',
          '',
          quote,
          '',
          'The measures will stay in place until the end of the year, officials said, and may be extended if the situation worsens.',
          '',
          'Residents of border villages complained that the checkpoints would make it harder to reach markets on the other side.',
          '',
          appeal,
        ].join('\n'),
      },
    ]);
    for (const a of articles) {
      assert.ok(a.paragraphs.includes(quote), `${a.file} lost the shared quote`);
      assert.ok(!a.paragraphs.includes(appeal), `${a.file} kept the appeal`);
      assert.ok(a.removed.some((r) => r.text === appeal && r.reason === 'repeated across documents'));
    }
  });

  it('does not take two copies of the same story for page template', () => {
    const story = doc(
      'Tajik militants return home',
      'Dozens of Tajik citizens who fought in Syria have returned home and been questioned by police, the Interior Ministry said on Wednesday.',
    );
    const articles = parseTexts([
      { file: 'a.txt', text: story },
      { file: 'b.txt', text: story },
    ]);
    for (const a of articles) assert.ok(a.paragraphs[0]!.startsWith('Dozens of Tajik citizens'), `${a.file} lost its body`);
    assert.notEqual(articles[0]!.id, articles[1]!.id);
  });
});

describe('metadata helpers', () => {
  it('cleans bylines', () => {
    assert.equal(cleanAuthor('By Bruce Pannier for RFE/RL'), 'Bruce Pannier');
    assert.equal(cleanAuthor('By Joanna Lillis in Almaty'), 'Joanna Lillis');
    assert.equal(cleanAuthor('Written by Catherine Putz, June 10, 2016'), 'Catherine Putz');
    assert.equal(cleanAuthor('By the end of 2015 the number had doubled'), null);
  });

  it('finds publication dates only where a line says so', () => {
    assert.equal(labelledPublicationDate('Publication Date 28 November 2011'), '2011-11-28');
    assert.equal(labelledPublicationDate('Published: 12 March 2019 | Last updated: 14 March 2019'), '2019-03-12');
    assert.equal(labelledPublicationDate('Last updated: 14 March 2019'), null);
    assert.equal(standaloneDate('Last Updated: Wednesday, 31 May 2023, 15:44 GMT'), null);
    assert.equal(standaloneDate('[accessed 5 June 2023]'), null);
    assert.equal(standaloneDate('June 2016'), '2016-06');
    assert.equal(standaloneDate('A watershed moment came in June 2016'), null);
    assert.equal(findDate('on Tuesday'), null);
    assert.equal(standaloneDate('01.09.2017 | 14:35'), '2017-09-01');
    assert.equal(standaloneDate('12 марта 2019 года, 10:15'), '2019-03-12');
  });

  it('reads datelines', () => {
    assert.deepEqual(dateline('LONDON (TCA) — Are the governments'), { place: 'LONDON', agency: 'TCA', dateText: null });
    assert.deepEqual(dateline('DUSHANBE -- Tajik authorities say'), { place: 'DUSHANBE', agency: null, dateText: null });
    assert.equal(dateline('A spate of shootings - by a militant'), null);
    assert.equal(dateline('IS fighters - dozens of them - crossed'), null);
  });
});
