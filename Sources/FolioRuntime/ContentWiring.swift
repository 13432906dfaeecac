import FolioContent
import FolioCore

/// Performs `.reloadContent` (R, or a change under the content folder with `--watch`): loads
/// the folder again and feeds the result back as `.contentLoaded`; `update` decides what to keep.
public struct ContentWiring {
    public let directory: String
    /// The folders watched with `--watch` (nil without it); new folders are watched at each reload.
    public let watch: ContentWatch?

    public init(directory: String, watch: ContentWatch?) {
        self.directory = directory; self.watch = watch
    }

    /// Runs `.reloadContent`; nil for other effects.
    public func perform(_ effect: Effect) -> Action? {
        guard case .reloadContent = effect else { return nil }
        watch?.refresh()
        return .contentLoaded(ContentLoader.load(directory: directory))
    }
}
