/// The theme a run asks for (`--theme`, `FOLIO_THEME`, the config file's `theme`). `auto`
/// goes by the terminal's background: its answer to an OSC 11 query, else `COLORFGBG`, else dark.
public enum ThemeChoice: String, Sendable, CaseIterable {
    case auto, dark, light
}
