/* transform.h — stage 3: XSLT 1.0 in process (libxslt), within limits.
 *
 * cocom's own stylesheets, and everything they import or load with
 * document(), may read only files in the input's folder, the stylesheet's
 * folder and the installed data folder; no stylesheet may write files,
 * make folders or use the network (libxslt's security preferences); every
 * document loaded is parsed with the settings of load.h (strict for
 * cocom's own; see cocom_transform_user for a stylesheet the user names).  Template recursion is bounded,
 * and a watchdog stops a transform that runs longer than
 * COCOM_OPTION_TIMEOUT_SECONDS (libxslt has no time limit of its own).
 */
#ifndef COCOM_TRANSFORM_H
#define COCOM_TRANSFORM_H

#include <libxml/tree.h>
#include <libxslt/xsltInternals.h>
#include "context.h"

/* Transforms `doc` (read from doc_name) with the stylesheet at `path`,
 * with string parameters (NULL or name, value, ..., NULL).  Returns the
 * result, which the caller frees with xmlFreeDoc, or NULL with *status set
 * and the reason reported (FILE:LINE where libxslt gives one). */
xmlDocPtr cocom_transform(CocomContext *ctx, xmlDocPtr doc, const char *doc_name, const char *path,
                          const char *const *params, CocomStatus *status);

/* The same for a stylesheet the user named (render --xsl): trusted input,
 * as with xsltproc.  It and its modules are parsed in load.h's trusted
 * mode from any local file, or through the system's XML catalog; while it
 * runs, document() reads below its modules' folders (trusted) and the
 * input's folder (parsed as the input is, in catalog mode); still no
 * writing, no network, and the same limits.  `doc` should have been
 * loaded in catalog mode. */
xmlDocPtr cocom_transform_user(CocomContext *ctx, xmlDocPtr doc, const char *doc_name, const char *path,
                               const char *const *params, CocomStatus *status);

/* The same in two steps, for a stylesheet used on many documents (the
 * compiled rules).  cocom_stylesheet_compile takes `sdoc` over (it is freed
 * with the stylesheet, or at once on failure); `path` names it in messages
 * and gives the folder its imports may come from.  Returns the stylesheet,
 * which the caller frees with xsltFreeStylesheet, or NULL with *status set
 * and the reason reported. */
xsltStylesheetPtr cocom_stylesheet_compile(CocomContext *ctx, xmlDocPtr sdoc, const char *path,
                                           CocomStatus *status);

/* Runs a compiled stylesheet on `doc`, under the same limits and security
 * preferences as cocom_transform.  `style_path` is the stylesheet's path
 * (for messages and the folders document() may read). */
xmlDocPtr cocom_transform_apply(CocomContext *ctx, xsltStylesheetPtr style, const char *style_path, xmlDocPtr doc,
                                const char *doc_name, const char *const *params, CocomStatus *status);

#endif
