import ChorusCore
import Hummingbird
