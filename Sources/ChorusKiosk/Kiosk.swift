import ChorusCore
