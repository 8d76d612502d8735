<?xml version="1.0" encoding="UTF-8"?>
<!--
  stylesheets/report.xsl — a report to a council's Health and Wellbeing
  Board, from a board-report of the arrangement: masthead, cover table,
  recommendations, numbered sections with their paragraphs, the functions
  table and the decision matrix where the report places them (drawn from
  the arrangement's scope and decisions), the contact box, appendices and
  background papers.

  In two steps, in one transform: model/report.xsl says what the report
  holds (the document model, model/document.rng), output/fo.xsl how it
  looks as XSL-FO (imported through base.xsl).

  This is the plain default house style.  Councils' house styles are
  customisation layers that import this file and override its
  parameters, attribute sets and the FO templates of the model
  (mode "fo"):
    report-city-of-wolverhampton.xsl, report-westminster-city-council.xsl
  (templates/house-styles.xml lists them, with each style's default cover
  labels).

  Parameter: report — the board-report/@id (default: the first report).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:d="urn:cocom:document:1"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="d exsl">

  <xsl:import href="model/report.xsl"/>

  <!-- Council papers are not NHS-branded: black headings by default. -->
  <xsl:param name="heading-color" select="$nhs-black"/>
  <xsl:param name="title-color" select="$nhs-black"/>
  <xsl:param name="rule-color" select="$nhs-mid-grey"/>
  <xsl:param name="table-head-background" select="$nhs-pale-grey"/>
  <xsl:param name="table-head-color" select="$nhs-black"/>

  <!-- model-only=yes: write the document model instead of the FO (what
       this stylesheet, with its house style's parameters, lays out; the
       tests check it against model/document.rng). -->
  <xsl:param name="model-only" select="'no'"/>

  <!-- The arrangement → the model (model/report.xsl) → FO. -->
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
