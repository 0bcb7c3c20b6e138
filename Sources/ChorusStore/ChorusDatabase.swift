import ChorusCore
import GRDB
