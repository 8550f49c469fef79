package dev.tlctl.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Shell completion for bash, zsh and fish, from the command tree: one POSIX {@code sh} program
 * (the "core", run by each shell with the words typed so far) answers with the candidates, one a
 * line, or {@code :files} for a file name. It knows the commands, their options and the values of
 * enumerated ones, and reads environment and service names from the spec (the {@code -f} file, or
 * {@code tl-engine.yaml} here or in the nearest folder above, up to the repository's root) with
 * awk: no JVM, no network, on every TAB. The shell scripts around it register it for
 * {@code tlctl} and for any path ending in {@code /tlctl} ({@code bin/tlctl}).
 */
final class CompletionScript {
    private CompletionScript() {}

    /** The core program: arguments are the words after the command name, the one being completed last. */
    static String core(CommandLine root) {
        List<CommandLine> all = new ArrayList<>();
        collect(root, all);
        StringBuilder subs = new StringBuilder();
        StringBuilder opts = new StringBuilder();
        StringBuilder positionals = new StringBuilder();
        Set<String> valueOptions = new LinkedHashSet<>();
        StringBuilder enums = new StringBuilder();
        Set<String> enumDone = new LinkedHashSet<>();
        for (CommandLine command : all) {
            CommandSpec spec = command.getCommandSpec();
            String path = spec.qualifiedName().replaceFirst("^tlctl ?", "");
            subs.append("    '").append(path).append("') echo '")
                    .append(String.join(" ", command.getSubcommands().keySet())).append("' ;;\n");
            Set<String> names = new LinkedHashSet<>();
            for (OptionSpec option : spec.options()) {
                boolean global = option.inherited() && HelpLayout.meaningful(spec.qualifiedName()).stream()
                        .anyMatch(n -> List.of(option.names()).contains(n));
                if ((!option.hidden() || global) && !option.versionHelp()) {
                    names.addAll(List.of(option.names()));
                }
                if (option.arity().max() > 0 && !option.typeInfo().isBoolean()) {
                    valueOptions.addAll(List.of(option.names()));
                    List<String> candidates = candidates(option);
                    if (!candidates.isEmpty() && enumDone.add(option.longestName())) {
                        enums.append("    ").append(String.join("|", option.names())).append(") echo '")
                                .append(String.join(" ", candidates)).append("' ;;\n");
                    }
                }
            }
            opts.append("    '").append(path).append("') echo '").append(String.join(" ", names)).append("' ;;\n");
            for (PositionalParamSpec positional : spec.positionalParameters()) {
                List<String> candidates = candidates(positional);
                if (!candidates.isEmpty()) {
                    positionals.append("    '").append(path).append("') echo '").append(String.join(" ", candidates))
                            .append("' ;;\n");
                }
            }
        }
        return CORE.replace("@SUBS@", subs).replace("@OPTS@", opts).replace("@POSITIONALS@", positionals)
                .replace("@ENUMS@", enums).replace("@VALUE_OPTIONS@", String.join(" ", valueOptions));
    }

    private static void collect(CommandLine command, List<CommandLine> all) {
        all.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, all));
    }

    /** The values an option or parameter takes when they are a closed set (an enum), in lower case. */
    private static List<String> candidates(ArgSpec arg) {
        List<String> values = new ArrayList<>();
        if (arg.completionCandidates() != null) {
            arg.completionCandidates().forEach(v -> values.add(v.toLowerCase(Locale.ROOT)));
        }
        return values;
    }

    static String bash(CommandLine root) {
        return "# bash completion for tlctl: source <(tlctl completion bash), or save it as\n"
                + "# ~/.local/share/bash-completion/completions/tlctl. Completes tlctl and bin/tlctl.\n"
                + "__tlctl_core=" + singleQuoted(core(root)) + "\n"
                + "_tlctl() {\n"
                + "    local IFS=$'\\n' cur=\"${COMP_WORDS[COMP_CWORD]}\" found\n"
                + "    found=$(sh -c \"$__tlctl_core\" tlctl \"${COMP_WORDS[@]:1:COMP_CWORD}\")\n"
                + "    if [ \"$found\" = ':files' ]; then\n"
                + "        compopt -o filenames 2>/dev/null\n"
                + "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
                + "    else\n"
                + "        COMPREPLY=($(compgen -W \"$found\" -- \"$cur\"))\n"
                + "    fi\n"
                + "}\n"
                + "complete -F _tlctl tlctl bin/tlctl ./bin/tlctl\n";
    }

    static String zsh(CommandLine root) {
        return "#compdef tlctl -p */tlctl\n"
                + "# zsh completion for tlctl: save it as _tlctl in a folder of $fpath before compinit runs\n"
                + "# (tlctl completion zsh > ~/.zfunc/_tlctl, with fpath=(~/.zfunc $fpath) in ~/.zshrc), or\n"
                + "# source <(tlctl completion zsh) after compinit. Completes tlctl and bin/tlctl.\n"
                + "_tlctl() {\n"
                + "    local __tlctl_core=" + singleQuoted(core(root)) + "\n"
                + "    local -a found\n"
                + "    found=(\"${(@f)$(sh -c \"$__tlctl_core\" tlctl \"${(@)words[2,CURRENT]}\")}\")\n"
                + "    if [[ \"${found[1]}\" == ':files' ]]; then\n"
                + "        _files\n"
                + "    else\n"
                + "        compadd -a found\n"
                + "    fi\n"
                + "}\n"
                + "if [ \"$funcstack[1]\" = '_tlctl' ]; then\n"
                + "    _tlctl \"$@\"\n"
                + "elif (( $+functions[compdef] )); then\n"
                + "    compdef _tlctl tlctl\n"
                + "    compdef -p _tlctl '*/tlctl'\n"
                + "fi\n";
    }

    static String fish(CommandLine root) {
        String core = core(root).replace("\\", "\\\\").replace("'", "\\'");
        return "# fish completion for tlctl: tlctl completion fish > ~/.config/fish/completions/tlctl.fish\n"
                + "# (or tlctl completion fish | source). Completes tlctl and bin/tlctl.\n"
                + "set -g __tlctl_core '" + core + "'\n"
                + "function __tlctl_complete\n"
                + "    set -l found (sh -c $__tlctl_core tlctl (commandline -opc)[2..-1] (commandline -ct))\n"
                + "    if test \"$found\" = ':files'\n"
                + "        __fish_complete_path (commandline -ct)\n"
                + "    else\n"
                + "        printf '%s\\n' $found\n"
                + "    end\n"
                + "end\n"
                + "complete -c tlctl -f -a '(__tlctl_complete)'\n"
                + "complete -p '*/tlctl' -f -a '(__tlctl_complete)'\n";
    }

    /** A word in single quotes for sh, bash and zsh. */
    static String singleQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** The core: POSIX sh, no arrays, every expansion quoted. */
    private static final String CORE = """
            # The words after tlctl; the last one is being completed.
            subs() {
                case "$1" in
            @SUBS@    esac
            }
            opts() {
                case "$1" in
            @OPTS@    esac
            }
            positionals() {
                case "$1" in
            @POSITIONALS@    esac
            }
            enums() {
                case "$1" in
            @ENUMS@    esac
            }
            value_options=' @VALUE_OPTIONS@ '
            spec=''
            path=''
            prev=''
            prev2=''
            skip=0
            n=$#
            i=1
            for w in "$@"; do
                [ "$i" -eq "$n" ] && { cur=$w; break; }
                if [ "$skip" -gt 0 ]; then
                    skip=$((skip - 1))
                    case "$prev" in -f|--file) spec=$w ;; esac
                else
                    case "$w" in
                        --file=*) spec=${w#--file=} ;;
                        --compare) skip=2 ;;
                        -*=*) ;;
                        -*) case "$value_options" in *" $w "*) skip=1 ;; esac ;;
                        *) case " $(subs "$path") " in *" $w "*) path=${path:+$path }$w ;; esac ;;
                    esac
                fi
                prev2=$prev
                prev=$w
                i=$((i + 1))
            done
            # The spec: -f, else tl-engine.yaml here or above, up to the repository's root.
            find_spec() {
                if [ -n "$spec" ]; then printf '%s' "$spec"; return; fi
                d=$PWD
                while [ -n "$d" ]; do
                    if [ -f "$d/tl-engine.yaml" ]; then printf '%s' "$d/tl-engine.yaml"; return; fi
                    if [ -e "$d/.git" ] || [ "$d" = / ]; then return; fi
                    d=${d%/*}
                done
            }
            # The keys of a top-level section of the spec (environments:, services:), block style.
            names() {
                f=$(find_spec)
                [ -n "$f" ] && [ -r "$f" ] || return 0
                awk -v section="$1" '
                    /^[^ #]/ { inside = ($0 ~ ("^" section ":[ ]*($|#)")); next }
                    inside && /^  [A-Za-z0-9_.-]+:/ { sub(/^  /, ""); sub(/:.*/, ""); print }
                ' "$f"
            }
            if [ "$prev" = --compare ] || [ "$prev2" = --compare ]; then names environments; exit 0; fi
            case "$prev" in
                --env|--environment) names environments; exit 0 ;;
                --service) names services; exit 0 ;;
            esac
            case "$value_options" in
                *" $prev "*)
                    values=$(enums "$prev")
                    if [ -n "$values" ]; then printf '%s\\n' $values; exit 0; fi
                    case "$prev" in
                        -f|--file|--env-file|--allow-file|--sandbox-state|--state|--out|--dir|--write-secrets|--railway-config)
                            echo ':files' ;;
                    esac
                    exit 0 ;;
            esac
            case "$cur" in
                -*) printf '%s\\n' $(opts "$path") ;;
                *) printf '%s\\n' $(subs "$path") $(positionals "$path") ;;
            esac
            """;
}
