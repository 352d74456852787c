/**
 * `steppe completion bash|zsh|fish`: a static completion script made from the command table —
 * commands, each command's flags, the values of --what, --format and --type, the filter's
 * field prefixes for a query, and files for PATH.
 */
import { COMMANDS, DASHBOARD, FLAGS, QUERY_PREFIXES, SHELLS, type CommandSpec, type FlagSpec, type Shell } from './spec.js';
import { UsageError } from '../io/errors.js';

const flagsOf = (c: CommandSpec): FlagSpec[] => [...c.flags.map((k) => FLAGS[k]), FLAGS.help];
const valued = (Object.values(FLAGS) as FlagSpec[]).filter((f) => f.values);
const names = COMMANDS.map((c) => c.name);
const words = (f: FlagSpec) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])];

function bash(): string {
  const cases = [DASHBOARD, ...COMMANDS].map((c) => `    ${c.name || '""'}) flags="${flagsOf(c).flatMap(words).join(' ')}" ;;`);
  const values = valued.map((f) => `    ${words(f).join('|')}) COMPREPLY=($(compgen -W "${f.values!.join(' ')}" -- "$cur")); return ;;`);
  return `# steppe completion for bash: source <(steppe completion bash)
_steppe() {
  local cur prev cmd flags
  cur=\${COMP_WORDS[COMP_CWORD]}
  prev=\${COMP_WORDS[COMP_CWORD-1]}
  cmd=""
  [[ \${#COMP_WORDS[@]} -gt 2 || $COMP_CWORD -gt 1 ]] && cmd=\${COMP_WORDS[1]}
  case "$prev" in
${values.join('\n')}
    --query|-q) COMPREPLY=($(compgen -W "${QUERY_PREFIXES.join(' ')}" -- "$cur")); compopt -o nospace 2>/dev/null; return ;;
    --out|-o) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  if [[ $COMP_CWORD -eq 1 && "$cur" != -* ]]; then
    COMPREPLY=($(compgen -W "${names.join(' ')}" -- "$cur") $(compgen -f -- "$cur"))
    return
  fi
  case "$cmd" in
${cases.join('\n')}
    completion) COMPREPLY=($(compgen -W "${SHELLS.join(' ')}" -- "$cur")); return ;;
    help) COMPREPLY=($(compgen -W "${names.join(' ')}" -- "$cur")); return ;;
    *) flags="${flagsOf(DASHBOARD).flatMap(words).join(' ')}" ;;
  esac
  if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$flags" -- "$cur"))
  elif [[ "$cmd" == search && $COMP_CWORD -eq 2 ]]; then COMPREPLY=($(compgen -W "${QUERY_PREFIXES.join(' ')}" -- "$cur")); compopt -o nospace 2>/dev/null
  else COMPREPLY=($(compgen -f -- "$cur")); fi
}
complete -o filenames -F _steppe steppe
`;
}

/** zsh's _arguments spec of one flag: "(-o --out)"{-o,--out}"[help]:FILE:_files" */
function zshFlag(f: FlagSpec): string {
  const help = f.help.replace(/[[\]:'"\\]/g, ' ');
  const action = f.values
    ? `:${f.value}:(${f.values.join(' ')})`
    : f.name === 'out'
      ? `:${f.value}:_files`
      : f.name === 'query'
        ? `:${f.value}:(${QUERY_PREFIXES.join(' ')})`
        : '';
  return f.short ? `'(-${f.short} --${f.name})'{-${f.short},--${f.name}}'[${help}]${action}'` : `'--${f.name}[${help}]${action}'`;
}

function zsh(): string {
  const cases = COMMANDS.map((c) => {
    const rest =
      c.name === 'completion'
        ? `'1:shell:(${SHELLS.join(' ')})'`
        : c.name === 'help'
          ? `'1:command:(${names.join(' ')})'`
          : c.name === 'search'
            ? `'1:query:(${QUERY_PREFIXES.join(' ')})' '*:path:_files'`
            : `'*:path:_files'`;
    return `    ${c.name}) _arguments ${flagsOf(c).map(zshFlag).join(' ')} ${rest} ;;`;
  });
  const described = COMMANDS.map((c) => `'${c.name}:${c.summary.replace(/'/g, '’').replace(/:/g, ' ')}'`).join(' ');
  return `#compdef steppe
# steppe completion for zsh: steppe completion zsh > "\${fpath[1]}/_steppe"
_steppe() {
  local -a commands
  commands=(${described})
  if (( CURRENT == 2 )); then
    _describe command commands
    _files
    return
  fi
  case $words[2] in
${cases.join('\n')}
    *) _arguments ${flagsOf(DASHBOARD).map(zshFlag).join(' ')} '*:path:_files' ;;
  esac
}
compdef _steppe steppe
`;
}

function fish(): string {
  const lines = ['# steppe completion for fish: steppe completion fish > ~/.config/fish/completions/steppe.fish', 'complete -c steppe -f'];
  const none = `not __fish_seen_subcommand_from ${names.join(' ')}`;
  for (const c of COMMANDS) lines.push(`complete -c steppe -n '${none}' -a ${c.name} -d '${c.summary.replace(/'/g, '’')}'`);
  lines.push(`complete -c steppe -n '${none}' -F`);
  for (const c of [DASHBOARD, ...COMMANDS]) {
    const when = c.name ? `__fish_seen_subcommand_from ${c.name}` : none;
    for (const f of flagsOf(c)) {
      const values = f.values
        ? ` -x -a '${f.values.join(' ')}'`
        : f.name === 'query'
          ? ` -x -a '${QUERY_PREFIXES.join(' ')}'`
          : f.name === 'out'
            ? ' -r -F'
            : '';
      lines.push(`complete -c steppe -n '${when}' -l ${f.name}${f.short ? ` -s ${f.short}` : ''}${values} -d '${f.help.replace(/'/g, '’')}'`);
    }
    if (c.name && c.name !== 'completion' && c.name !== 'help') lines.push(`complete -c steppe -n '${when}' -F`);
  }
  lines.push(`complete -c steppe -n '__fish_seen_subcommand_from completion' -a '${SHELLS.join(' ')}'`);
  lines.push(`complete -c steppe -n '__fish_seen_subcommand_from help' -a '${names.join(' ')}'`);
  return lines.join('\n') + '\n';
}

export function completionScript(shell: string | undefined): string {
  if (!SHELLS.includes(shell as Shell)) throw new UsageError(`completion: name a shell: ${SHELLS.join(', ')}${shell ? ` (got "${shell}")` : ''}`);
  return { bash, zsh, fish }[shell as Shell]();
}
