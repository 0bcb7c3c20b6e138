#ifndef CHORUS_CLIBXML2_SHIM_H
#define CHORUS_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, and its encoding header then pulls in the system
// <unicode/ucnv.h>, whose UErrorCode clashes with Foundation's _FoundationICU in any module
// that sees both (see shared/reference/swift-style.md, section 0). Chorus never touches the
// ICU-specific fields this hides.
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#endif
