<?xml version="1.0" encoding="UTF-8"?>
<!--
  stylesheets/mandate-summary.xsl — a one-page summary of a CCG's practice
  ballot (mandate/ballot, mandate/ballot-return), as the CCG reports it to
  its governing body and NHS England: the ballot's dates and its status on
  the summary's date, the returns by model with the turnout against the
  member practices, the result, the member vote and governing body
  decision known on that date, and the returns themselves.

  In two steps, in one transform: model/mandate-summary.xsl says what the
  summary holds (the document model, model/document.rng; why it never
  says "in favour" of a few returns is said there), output/fo.xsl how it
  looks as XSL-FO (imported through base.xsl; the returns' smaller type
  is its parameter returns-font-size).  A customisation layer imports
  this file and overrides parameters, attribute sets and the FO
  templates of the model (mode "fo").

  Parameter: ccg — the ccg/@id (default: the first CCG); model-only=yes
  writes the model instead of the FO.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:d="urn:cocom:document:1"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="d exsl">

  <xsl:import href="model/mandate-summary.xsl"/>

  <!-- model-only=yes: write the document model instead of the FO (the
       tests check it against model/document.rng). -->
  <xsl:param name="model-only" select="'no'"/>

  <!-- The arrangement → the model (model/mandate-summary.xsl) → FO. -->
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
