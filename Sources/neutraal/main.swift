import Foundation
import NeutraalCLI

exit(NeutraalCommand.main(Array(CommandLine.arguments.dropFirst())))
