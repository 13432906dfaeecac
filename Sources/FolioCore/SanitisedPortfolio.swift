import FolioContent
import FolioText

extension Portfolio {
    /// The portfolio with every one-line field passed through `Sanitiser.cleanLine`, so no
    /// title, tag or link can carry a control or bidi character to the screen. Markdown bodies
    /// stay as they are: `Markdown.parse` cleans the text it produces.
    func sanitised() -> Portfolio {
        func line(_ s: String) -> String { Sanitiser.cleanLine(s) }
        func item(_ i: Item) -> Item {
            var i = i
            i.slug = line(i.slug); i.title = line(i.title); i.summary = line(i.summary)
            i.sector = i.sector.map(line); i.date = i.date.map(line); i.tags = i.tags.map(line)
            return i
        }
        var p = self
        p.profile.name = line(profile.name)
        p.profile.headline = line(profile.headline)
        p.profile.tagline = line(profile.tagline)
        p.profile.email = line(profile.email)
        p.profile.links = profile.links.map { Link(label: line($0.label), url: line($0.url)) }
        p.services = services.map(item)
        p.caseStudies = caseStudies.map(item)
        p.stack.groups = stack.groups.map { TagGroup(name: line($0.name), tags: $0.tags.map(line)) }
        p.introductions = introductions.mapValues { SectionIntroduction(title: line($0.title), body: $0.body, path: $0.path) }
        p.stack.tags = stack.tags.map { Tag(name: line($0.name), aliases: $0.aliases.map(line), groups: $0.groups.map(line)) }
        return p
    }
}
