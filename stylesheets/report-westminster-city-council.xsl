<?xml version="1.0" encoding="UTF-8"?>
<!--
  stylesheets/report-westminster-city-council.xsl — Westminster City
  Council's house style for Health and Wellbeing Board reports
  (board-report/@house-style = "westminster-city-council"), as in the
  report of 19 November 2015 (seed S001; research/domain.md §D.2): the
  council and the board as the masthead, an unruled cover table with
  bold labels ending in colons (Date, Classification, Title, Report of,
  Wards Involved, Policy Context, Financial Summary, Report Author and
  Contact Details; the classification in bold), numbered sections
  "1. Executive Summary" with paragraphs numbered 1.1 … in a hanging
  column, italic sub-heads under Considerations, the decision matrix, a
  ruled box for "If you have any queries …", then APPENDICES and
  BACKGROUND PAPERS with working links.

  A customisation layer of report.xsl: parameters, attribute sets and
  templates of the model's FO (mode "fo") only.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:d="urn:cocom:document:1"
    exclude-result-prefixes="d">

  <xsl:import href="report.xsl"/>

  <xsl:param name="house-style-name" select="'westminster-city-council'"/>
  <xsl:param name="cover-label-width" select="30"/>
  <xsl:param name="section-font-size" select="'13pt'"/>
  <xsl:param name="indent-subheadings" select="'no'"/>
  <xsl:param name="table-head-background" select="'#DDDDDD'"/>
  <xsl:param name="link-color" select="'#0563C1'"/>
  <!-- The council's reports have no contents list (the seed has none). -->
  <xsl:param name="report-toc" select="'no'"/>
  <xsl:param name="rule-color" select="'#000000'"/>
  <xsl:param name="running-color" select="'#404040'"/>

  <!-- Masthead: the council on the left, the board on the right, a rule under.
       A table only for the layout, so not a Table to a screen reader: the
       council's name, then the heading. -->
  <xsl:template match="d:box[@role = 'masthead']" mode="fo">
    <fo:block role="Div" border-bottom="2pt solid #000000" padding-bottom="6pt" space-after="14pt">
    <fo:table table-layout="fixed" width="100%" role="Div">
      <fo:table-column column-width="proportional-column-width(11)"/>
      <fo:table-column column-width="proportional-column-width(9)"/>
      <fo:table-body start-indent="0pt" end-indent="0pt" role="Div">
        <fo:table-row role="Div">
          <fo:table-cell role="Div" display-align="after">
            <fo:block role="P" font-size="20pt" font-weight="bold" line-height="1.15">
              <xsl:value-of select="d:p[@role = 'council']"/>
            </fo:block>
          </fo:table-cell>
          <fo:table-cell role="Div" display-align="after">
            <fo:block role="H1" font-size="14pt" font-weight="bold" text-align="end" line-height="1.2">
              <xsl:value-of select="d:title"/>
            </fo:block>
          </fo:table-cell>
        </fo:table-row>
      </fo:table-body>
    </fo:table>
    </fo:block>
  </xsl:template>

  <!-- The cover table: no rules, bold labels, room between the rows. -->
  <xsl:attribute-set name="report.cover.label">
    <xsl:attribute name="border">none</xsl:attribute>
    <xsl:attribute name="padding">0pt 8pt 7pt 0pt</xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="report.cover.value">
    <xsl:attribute name="border">none</xsl:attribute>
    <xsl:attribute name="padding">0pt 0pt 7pt 0pt</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="report.cover.table">
    <xsl:attribute name="space-after">16pt</xsl:attribute>
  </xsl:attribute-set>

  <!-- The classification in bold. -->
  <xsl:template match="d:field[@name = 'classification']/d:value/d:p" mode="fo">
    <fo:block role="P" font-weight="bold"><xsl:apply-templates mode="fo-inline"/></fo:block>
  </xsl:template>

  <!-- Sub-heads: italic. -->
  <xsl:attribute-set name="subheading">
    <xsl:attribute name="font-style">italic</xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="space-before">12pt</xsl:attribute>
  </xsl:attribute-set>

  <!-- Closing headings ("APPENDICES:", "BACKGROUND PAPERS:") bold, upright. -->
  <xsl:attribute-set name="report.closing.heading">
    <xsl:attribute name="font-style">normal</xsl:attribute>
    <xsl:attribute name="space-before">14pt</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="report.contact-box">
    <xsl:attribute name="border">1pt solid #000000</xsl:attribute>
    <xsl:attribute name="padding">8pt</xsl:attribute>
    <xsl:attribute name="space-before">18pt</xsl:attribute>
  </xsl:attribute-set>
</xsl:stylesheet>
