<?xml version="1.0" encoding="UTF-8"?>
<!--
  stylesheets/ballot.xsl — the practice ballot paper of the Local Medical
  Committees' "Co-Commissioning: Making the Right Choice" (seed S003, the
  last page; wording in templates/ballot.xml): one page for each member
  practice of the CCG whose name is known, each with its own name and ODS
  code; when the practices are not known, the LMC's blank paper, once, for
  the practice to complete.

  In two steps, in one transform: model/ballot.xsl says what the papers
  hold (the document model, model/document.rng; what each part is, and
  the paper's date, is said there), output/fo.xsl how they look as XSL-FO
  (imported through base.xsl; parameters ballot-title-font-size and
  box-space, the room left in each model's box for the mark).  A
  customisation layer imports this file and overrides parameters,
  attribute sets and the FO templates of the model (mode "fo").

  Parameter: ccg — the ccg/@id (default: the first CCG); model-only=yes
  writes the model instead of the FO.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:d="urn:cocom:document:1"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="d exsl">

  <xsl:import href="model/ballot.xsl"/>

  <!-- model-only=yes: write the document model instead of the FO (the
       tests check it against model/document.rng). -->
  <xsl:param name="model-only" select="'no'"/>

  <!-- The arrangement → the model (model/ballot.xsl) → FO. -->
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
