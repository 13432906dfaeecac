//===----------------------------------------------------------------------===//
//
// This source file is part of the Swift Argument Parser open source project
//
// Copyright (c) 2025 Apple Inc. and the Swift project authors
// Licensed under Apache License v2.0 with Runtime Library Exception
//
// See https://swift.org/LICENSE.txt for license information
//
//===----------------------------------------------------------------------===//

// folio's vendored copy: built as if with upstream's `ArgumentParserFoundation`
// trait turned off (apple/swift-argument-parser#932), so neither Foundation nor
// FoundationEssentials is imported. See VENDORED.md.

extension Error {
  func describe() -> String {
    String(describing: self)
  }
}

enum JSONEncoder {
  /// `--experimental-dump-help` needs Foundation's JSONEncoder, which this
  /// build leaves out: the option prints this line instead of JSON.
  static func encode<T: Encodable>(_ value: T) -> String {
    "--experimental-dump-help is not available: this ArgumentParser is built without Foundation's JSONEncoder"
  }
}
