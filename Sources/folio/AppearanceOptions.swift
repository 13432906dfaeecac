import ArgumentParser
import FolioText

extension ThemeChoice: ExpressibleByArgument {}

/// `--theme` and `--no-color`, shared by the browser and `folio render`.
struct AppearanceOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Colours for a dark or light background; auto (the default) asks the terminal, then $COLORFGBG. Also $FOLIO_THEME and the config's theme.",
        valueName: "auto|dark|light"))
    var theme: ThemeChoice?

    @Flag(name: .customLong("no-color"), help: "No colours; emphasis by bold, underline, dim and reverse only (also $NO_COLOR).")
    var noColor = false

    /// The theme asked for by the flag, FOLIO_THEME or the config file, in that order.
    func requested(config: ThemeChoice?, environment: [String: String]) -> ThemeChoice {
        Appearance.requested(flag: theme, config: config, environment: environment)
    }

    /// This run's appearance; `reply` is the terminal's own answer about its background.
    func appearance(config: ThemeChoice?, environment: [String: String], reply: Background? = nil) -> Appearance {
        Appearance.choose(noColorFlag: noColor, theme: requested(config: config, environment: environment),
                          environment: environment, reply: reply)
    }
}
