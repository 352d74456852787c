/** The built CLI as a user runs it: output, exit codes, one-line messages, atomic writes. */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import stringWidth from 'string-width';
import { bundledCorpus, bundledRaw, packageRoot } from '../src/paths.js';

const cli = path.join(packageRoot, 'dist', 'steppe.mjs');

// the CLI's cache and review state go to a scratch folder, not the user's
const scratch = mkdtempSync(path.join(tmpdir(), 'steppe-cli-'));
function run(args: string[], cwd = packageRoot) {
  const env = { ...process.env, FORCE_COLOR: '0', STEPPE_CACHE_DIR: path.join(scratch, 'cache'), STEPPE_STATE_DIR: path.join(scratch, 'state') };
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function assertNoStack(stderr: string) {
  assert.doesNotMatch(stderr, /^\s+at /m, 'stack trace on stderr');
  assert.doesNotMatch(stderr, /Error:/, 'raw error on stderr');
}

function tmp(): string {
  return mkdtempSync(path.join(tmpdir(), 'steppe-test-'));
}

describe('steppe parse', () => {
  it('says with --verbose why each field was chosen: the rule and the line', () => {
    const page = path.join(packageRoot, 'test', 'fixtures', 'devset', 'raw', 'a01_interfax-2017-csto-lists-irpt-terrorist.txt');
    const r = run(['parse', '--verbose', page]);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /^a01_interfax-2017-csto-lists-irpt-terrorist\.txt$/m);
    assert.match(
      r.stderr,
      /^ {2}title {6}CSTO recognizes Islamic Renaissance Party of Tajikistan as terrorist organization ← headline nearest the text, line 3$/m,
    );
    assert.match(r.stderr, /^ {2}publisher {2}Interfax ← dateline agency, line 5: DUSHANBE\. Sept 7 \(Interfax\) - /m);
    assert.match(r.stderr, /^ {2}date {7}2017-09-07 ← date line, line 1: 7 Sep 2017 17:49$/m);
    assert.match(r.stderr, /^ {2}author {5}none: /m);
    assert.doesNotThrow(() => JSON.parse(r.stdout), 'the corpus still goes to stdout');
    assertNoStack(r.stderr);
  });

  it('writes the bundled corpus byte for byte to stdout, with a summary on stderr', () => {
    const r = run(['parse', 'data/raw']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, readFileSync(bundledCorpus, 'utf8'));
    assert.match(r.stderr, /parsed 5 articles from 5 files/);
    assert.match(r.stderr, /removed \d+ lines: .*donation appeal \d+/);
    assert.match(r.stderr, /0 warnings/);
  });

  it('skips binary, empty and undecodable files with a one-line warning each', () => {
    const dir = tmp();
    copyFileSync(path.join(bundledRaw, '002_3743e4cde9cea406.txt'), path.join(dir, 'good.txt'));
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3]));
    writeFileSync(
      path.join(dir, 'latin1.txt'),
      Buffer.from([0xc0, 0x80, 0xff, 0xfe, 0x20, 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x20].flatMap((b) => [b, b, 0xfe, 0x20])),
    );
    const out = path.join(dir, 'out.json');
    const r = run(['parse', dir, '--out', out]);
    assert.equal(r.code, 0);
    assertNoStack(r.stderr);
    assert.match(r.stderr, /binary\.txt: skipped: binary file/);
    assert.match(r.stderr, /empty\.txt: skipped: empty file/);
    assert.match(r.stderr, /latin1\.txt: skipped: not valid UTF-8, nor a legacy encoding/);
    assert.match(r.stderr, /3 warnings/);
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).articles.length, 1);
  });

  it('exits non-zero when nothing could be parsed, and leaves no output file', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'empty.txt'), '   \n');
    const r = run(['parse', dir, '--out', path.join(dir, 'out.json')]);
    assert.equal(r.code, 1);
    assertNoStack(r.stderr);
    assert.ok(!readdirSync(dir).includes('out.json'));
  });

  it('never leaves a half-written corpus when killed mid-write', async () => {
    const dir = tmp();
    const raw = path.join(dir, 'raw');
    mkdirSync(raw);
    const seeds = readdirSync(bundledRaw);
    for (let i = 0; i < 300; i++) copyFileSync(path.join(bundledRaw, seeds[i % seeds.length]!), path.join(raw, `${i}.txt`));
    const out = path.join(dir, 'corpus.json');
    writeFileSync(out, JSON.stringify({ version: 1, articles: [] }));
    for (let round = 0; round < 6; round++) {
      const child = spawn(process.execPath, [cli, 'parse', raw, '--out', out], { stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, 150 + round * 90));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
      const corpus = JSON.parse(readFileSync(out, 'utf8'));
      assert.equal(corpus.version, 1);
      assert.ok(corpus.articles.length === 0 || corpus.articles.length === 300);
    }
  });
});

describe('steppe entities', () => {
  it('prints the entity table sorted by mentions, with spellings as written', () => {
    const r = run(['entities']);
    assert.equal(r.code, 0);
    const lines = r.stdout.split('\n');
    assert.match(lines[0]!, /^entity\s+type\s+articles\s+mentions\s+as written$/);
    assert.match(lines[2]!, /^Kazakhstan\s+country\s+5\s+\d+\s+Kazakhstan \d+, Kazakh \d+/);
    assert.match(r.stdout, /Nursultan Nazarbayev\s+person\s+2\s+5\s+Nursultan Nazarbayev 3, Nazarbayev 2/);
  });

  it('filters by type and gives JSON with the same fields', () => {
    const r = run(['entities', '--type', 'person', '--json']);
    assert.equal(r.code, 0);
    const rows = JSON.parse(r.stdout) as { id: string; type: string; name: string; articles: number; mentions: number }[];
    assert.ok(rows.length > 10);
    for (const row of rows) {
      assert.equal(row.type, 'person');
      assert.deepEqual(Object.keys(row), ['id', 'type', 'name', 'articles', 'mentions', 'spellings']);
    }
    assert.ok(rows.some((x) => x.name === 'Ramazon Rahimzoda' && x.mentions === 3));
  });

  it('parses a raw folder on the fly', () => {
    const r = run(['entities', '--type', 'place', 'data/raw']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Central Asia\s+place/);
  });

  it('refuses an unknown type in one line', () => {
    const r = run(['entities', '--type', 'planet']);
    assert.equal(r.code, 2);
    assertNoStack(r.stderr);
    assert.match(r.stderr, /--type must be one of country, person, organization, place/);
  });
});

describe('steppe search', () => {
  it('prints matching articles as a table', () => {
    const r = run(['search', 'nazarbaev']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^date\s+publisher\s+title\s+score$/m);
    assert.match(r.stdout, /2 matches for nazarbaev/);
  });

  it('gives JSON, and takes a query that starts with a minus', () => {
    const rows = JSON.parse(run(['search', '-taliban', '--json']).stdout) as { file: string }[];
    assert.deepEqual(rows.map((x) => x.file.slice(0, 3)).sort(), ['001', '002', '004']);
  });

  it('names an untitled article by its first sentence, as the dashboard does', () => {
    const r = run(['search', 'islamic']);
    assert.match(r.stdout, /\(untitled\) LONDON \(TCA\) — Are the governments of Central Asia/);
  });

  it('fits its tables to an 80-column terminal, and keeps them whole when piped', () => {
    const widest = (text: string) => Math.max(...text.split(/\r?\n/).map((l) => stringWidth(l)));
    for (const command of ['search islamic', 'compare', 'entities']) {
      // under script(1) standard output is a terminal of the width stty gives it
      const log = path.join(mkdtempSync(path.join(tmpdir(), 'steppe-cols-')), 'log');
      const shown = spawnSync('script', ['-q', '-e', '-c', `stty cols 80; ${process.execPath} ${cli} ${command}`, log], { encoding: 'utf8' });
      assert.equal(shown.status, 0, shown.stderr);
      // script's own first and last lines (some versions write them even with -q) are not steppe's
      const text = readFileSync(log, 'utf8')
        .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
        .split(/\r?\n/)
        .filter((l) => !/^Script (started|done)/.test(l))
        .join('\n');
      assert.ok(widest(text) <= 80, `${command}: ${widest(text)} columns on an 80-column terminal`);
      assert.ok(widest(run(command.split(' ')).stdout) > 80, `${command}: whole when piped`);
    }
  });

  it('explains a malformed query in one line', () => {
    const r = run(['search', 'year:abc']);
    assert.equal(r.code, 2);
    assertNoStack(r.stderr);
    assert.match(r.stderr, /year: wants 2011 or 2011\.\.2017/);
  });
});

describe('steppe compare', () => {
  it('prints the countries table, timeline, co-mentions and figures', () => {
    const r = run(['compare']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^country\s+articles\s+mentions\s+share\s+first\s+last\s+figures/m);
    assert.match(r.stdout, /Kazakhstan × Uzbekistan: 4/);
    assert.match(r.stdout, /Tajikistan: around 1,100 Tajik citizens \(fighting\) — Ramazon Rahimzoda/);
  });

  it('gives one JSON document with countries, coMentions, figures and timeline', () => {
    const doc = JSON.parse(run(['compare', '--json']).stdout);
    assert.deepEqual(Object.keys(doc), ['countries', 'coMentions', 'figures', 'timeline']);
    assert.deepEqual(Object.keys(doc.countries[0]), ['country', 'articles', 'mentions', 'share', 'first', 'last', 'topOrganizations', 'topPeople', 'figures']);
    assert.deepEqual(
      doc.coMentions.find((m: { a: string; b: string }) => m.a === 'Kazakhstan' && m.b === 'Uzbekistan'),
      { a: 'Kazakhstan', b: 'Uzbekistan', articles: 4 },
    );
    for (const k of ['country', 'low', 'high', 'qualifier', 'what', 'speaker', 'year', 'article', 'snippet']) assert.ok(k in doc.figures[0], k);
    assert.equal(doc.timeline.find((t: { country: string }) => t.country === 'Kazakhstan').undated, 3);
  });

  it('compares only the articles matching --query', () => {
    const doc = JSON.parse(run(['compare', '--json', '--query', 'country:tajikistan']).stdout);
    assert.equal(doc.countries.find((c: { country: string }) => c.country === 'Tajikistan').share, 1);
  });
});

describe('steppe export', () => {
  it('writes CSV that spreadsheets open: BOM, header row, quoting, CRLF', () => {
    const r = run(['export', '--what', 'entities', '--format', 'csv', '--query', 'country:tajikistan']);
    assert.equal(r.code, 0);
    assert.ok(r.stdout.startsWith('\uFEFFentity,type,articles,mentions,as written\r\n'));
    assert.match(r.stdout, /\r\nTajikistan,country,2,10,Tajikistan 8; Tajik 2\r\n/);
  });

  it('quotes cells with commas and quotes, and defuses formula-like cells', async () => {
    const { formatTable } = await import('../src/text/tableFormats.js');
    const csv = formatTable({ columns: ['a', 'b'], rows: [{ a: 'x, "y"', b: '=HYPERLINK("evil")' }] }, 'csv');
    assert.equal(csv, '\uFEFFa,b\r\n"x, ""y""","\'=HYPERLINK(""evil"")"\r\n');
  });

  it('writes JSON and Markdown, to a file when asked', () => {
    const rows = JSON.parse(run(['export', '--format', 'json']).stdout) as { title: string | null }[];
    assert.equal(rows.length, 5);
    const out = path.join(tmp(), 'figures.md');
    const r = run(['export', '--what', 'figures', '--format', 'md', '--out', out]);
    assert.equal(r.code, 0);
    const md = readFileSync(out, 'utf8');
    assert.match(md, /^\| country \| low \| high \| qualifier \| what \|/);
    assert.match(md, /\| Tajikistan \| 1100 \| 1100 \| around \| Tajik citizens \|/);
  });

  it('writes the co-mention matrix as pairs and the timeline a row a country and year, every year of the range', () => {
    const pairs = JSON.parse(run(['export', '--what', 'matrix', '--format', 'json']).stdout) as { country: string; with: string; articles: number }[];
    assert.ok(pairs.some((p) => p.country === 'Kazakhstan' && p.with === 'Uzbekistan' && p.articles === 4));
    const years = JSON.parse(run(['export', '--what', 'timeline', '--format', 'json']).stdout) as { country: string; year: number | null; articles: number }[];
    const kz = years.filter((y) => y.country === 'Kazakhstan');
    assert.deepEqual(
      kz.map((y) => y.year),
      [2011, 2012, 2013, 2014, 2015, 2016, 2017, null],
    );
    assert.equal(kz.find((y) => y.year === null)?.articles, 3, 'undated kept apart');
  });

  it('refuses an unknown format in one line', () => {
    const r = run(['export', '--format', 'xml']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--format must be one of csv, json, md/);
  });
});

describe('steppe with no terminal, and bad input', () => {
  it('explains in one line that the dashboard needs a terminal, with exit code 2', () => {
    const r = run([]);
    assert.equal(r.code, 2);
    assertNoStack(r.stderr);
    assert.match(r.stderr, /not a terminal.*steppe search.*steppe entities/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  });

  /** a corpus file in `dir` holding `bytes`, named as the command's one argument */
  const corpusFile = (dir: string, bytes: string | Buffer) => {
    writeFileSync(path.join(dir, 'c.json'), bytes);
    return [path.join(dir, 'c.json')];
  };
  const cases: [string, (dir: string) => string[], RegExp, number][] = [
    ['malformed JSON', (d) => corpusFile(d, '{"version":1,"articles":['), /c\.json: not valid JSON/, 1],
    ['a newer corpus version', (d) => corpusFile(d, '{"version":9,"articles":[]}'), /newer than this steppe reads/, 1],
    ['a binary corpus file', (d) => corpusFile(d, Buffer.from([0, 1, 2, 3])), /c\.json: binary file/, 1],
    ['a missing path', (d) => [path.join(d, 'nothing-here')], /nothing-here: no such file or folder/, 1],
    ['an unknown option', () => ['--frobnicate'], /unknown option --frobnicate/, 2],
    ['parse with no path', () => ['parse'], /name at least one file or folder/, 1],
    [
      'an unwritable --out',
      (d) => ['parse', bundledRaw, '--out', path.join(d, 'no', 'such', 'dir', 'c.json')],
      /c\.json: not written \(no such file or folder\)/,
      1,
    ],
  ];
  for (const [name, args, message, code] of cases) {
    it(`says one clear line for ${name}`, () => {
      const r = run(args(tmp()));
      assert.equal(r.code, code);
      assertNoStack(r.stderr);
      assert.match(r.stderr, message);
      assert.equal(
        r.stderr
          .trim()
          .split('\n')
          .filter((l) => !/^(parsed|removed|\d+ warnings?)/.test(l)).length,
        1,
        r.stderr,
      );
    });
  }
});

describe('command-line conventions', () => {
  it('prints the version with -v and --version, the help with -h and --help, with the exit codes', () => {
    const version = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')).version as string;
    for (const flag of ['-v', '--version']) assert.equal(run([flag]).stdout, `${version}\n`, flag);
    for (const flag of ['-h', '--help']) {
      const r = run([flag]);
      assert.equal(r.code, 0);
      for (const command of ['parse', 'search', 'compare', 'export', 'entities', 'completion', 'help'])
        assert.match(r.stdout, new RegExp(`^    ${command} `, 'm'), command);
      assert.match(r.stdout, /Exit codes\n(.*\n)*\s+0\s+success\n(.*\n)*\s+2\s+a usage error/);
    }
  });

  it("gives one command's help with `steppe help COMMAND` and `steppe COMMAND --help`", () => {
    const a = run(['help', 'export']);
    const b = run(['export', '--help']);
    assert.equal(a.code, 0);
    assert.equal(a.stdout, b.stdout);
    assert.match(a.stdout, /\$ steppe export --format csv\|json\|md/);
    assert.match(a.stdout, /--what W/);
    assert.doesNotMatch(a.stdout, /--verbose/, 'only its own options');
    assert.equal(run(['search', '--help']).stdout, run(['help', 'search']).stdout);
    const bad = run(['help', 'frobnicate']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /no command "frobnicate"/);
  });

  it('takes the search query wherever it stands among the options', () => {
    const first = run(['search', '--json', 'taraz']);
    const last = run(['search', 'taraz', '--json']);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, last.stdout);
    assert.equal((JSON.parse(first.stdout) as unknown[]).length, 1);
    assert.equal(run(['search', '--', '-taraz', '--json']).code, 0, 'a query after -- starts with a minus');
  });

  it('prints completion scripts that name every command, the option values and the query fields', () => {
    const bash = run(['completion', 'bash']);
    assert.equal(bash.code, 0);
    assert.equal(spawnSync('bash', ['-n'], { input: bash.stdout }).status, 0, 'bash parses it');
    for (const shell of ['bash', 'zsh', 'fish']) {
      const s = run(['completion', shell]).stdout;
      const option = shell === 'fish' ? '-l format' : '--format';
      for (const word of ['parse', 'search', 'export', option, 'csv', 'organization', 'figures', 'country:', 'has:'])
        assert.ok(s.includes(word), `${shell}: ${word}`);
    }
    // bash: what a user gets after TAB
    const complete = (line: string) =>
      spawnSync('bash', ['-c', `${bash.stdout}\nCOMP_WORDS=(${line}); COMP_CWORD=$((\${#COMP_WORDS[@]}-1)); _steppe; printf '%s\\n' "\${COMPREPLY[@]}"`], {
        encoding: 'utf8',
        cwd: scratch,
      })
        .stdout.split('\n')
        .filter(Boolean);
    assert.deepEqual(complete('steppe exp'), ['export']);
    assert.deepEqual(complete("steppe export --format ''").sort(), ['csv', 'json', 'md']);
    assert.ok(complete('steppe entities --t').includes('--type'));
    const bad = run(['completion', 'tcsh']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /name a shell: bash, zsh, fish/);
  });

  it('has a man page made from the same table', () => {
    const man = readFileSync(path.join(packageRoot, 'dist', 'steppe.1'), 'utf8');
    assert.match(man, /^\.TH STEPPE 1 /);
    for (const section of ['NAME', 'SYNOPSIS', 'COMMANDS', 'OPTIONS', 'EXIT STATUS']) assert.match(man, new RegExp(`^\\.SH ${section}$`, 'm'));
    assert.match(man, /\\-\\-format/);
    const manifest = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { man: string };
    assert.equal(manifest.man, 'dist/steppe.1');
  });
});

describe('opening a large input', () => {
  const file = path.join(scratch, 'many.jsonl');
  const lines = Array.from({ length: 400 }, (_, i) =>
    JSON.stringify({
      title: `Report ${i} from Almaty`,
      date: '2024-03-01',
      source: 'Example',
      text: `Police in Almaty detained ${i} people.\n\nThe Interior Ministry of Kazakhstan said so.`,
    }),
  );
  writeFileSync(file, `${lines.join('\n')}\n`);

  it('shows what it is doing on a terminal (reading, finding entities, how far), and clears the line', () => {
    // under script(1) standard error is a terminal, as it is for a user
    const log = path.join(tmp(), 'log');
    const env = { ...process.env, STEPPE_CACHE_DIR: path.join(scratch, 'cache'), STEPPE_STATE_DIR: path.join(scratch, 'state') };
    const r = spawnSync('script', ['-q', '-e', '-c', `${process.execPath} ${cli} entities --json ${file} >/dev/null`, log], { encoding: 'utf8', env });
    assert.equal(r.status, 0, r.stderr);
    const seen = readFileSync(log, 'utf8');
    assert.match(seen, /steppe: reading many\.jsonl…/);
    assert.match(seen, /steppe: finding entities in 400 articles… \d+%/);
    assert.match(seen, /\r\x1b\[K\s*(Script done|$)/, 'the line is cleared at the end');
  });

  it('writes no progress where standard error is not a terminal', () => {
    const r = run(['entities', '--json', file]);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
  });
});
