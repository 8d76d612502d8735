<?xml version="1.0" encoding="UTF-8"?>
<!--
  stylesheets/proforma.xsl — the proforma a CCG completes to take on
  joint commissioning (annex A) or delegated commissioning (annex B) of
  primary medical services, one per CCG, as at its date: the CCG's
  details, the model and start date, the functions in scope, the
  committee and its membership, the constitution change and member
  approval, conflicts of interest, resources, engagement, submission and
  the sign-off.

  In two steps, in one transform: model/proforma.xsl says what the
  proforma holds (the document model, model/document.rng; its answers
  are model/proforma-answers.xsl, and what a proforma may print is said
  there), output/fo.xsl how it looks as XSL-FO (imported through
  base.xsl).  A customisation layer imports this file and overrides
  parameters, attribute sets and the FO templates of the model (mode
  "fo"), e.g. question-width.

  Parameters: ccg — the ccg/@id (default: the first CCG); as-at — ask as
  at another date than the proforma's own (the submission, else the
  deadline); model-only=yes writes the model instead of the FO.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:d="urn:cocom:document:1"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="d exsl">

  <xsl:import href="model/proforma.xsl"/>

  <!-- model-only=yes: write the document model instead of the FO (the
       tests check it against model/document.rng). -->
  <xsl:param name="model-only" select="'no'"/>

  <!-- The arrangement → the model (model/proforma.xsl) → FO. -->
  <xsl:template match="/">
    <xsl:variable name="model"><xsl:apply-imports/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$model-only = 'yes'"><xsl:copy-of select="$model"/></xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="exsl:node-set($model)/d:document" mode="fo"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
