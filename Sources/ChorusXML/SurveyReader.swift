public import ChorusCore
import CLibXML2
