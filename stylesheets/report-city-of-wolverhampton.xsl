<?xml version="1.0" encoding="UTF-8"?>
<!--
  stylesheets/report-city-of-wolverhampton.xsl — the City of Wolverhampton
  Council's house style for Health and Wellbeing Board reports
  (board-report/@house-style = "city-of-wolverhampton"), as in the report
  of 29 July 2015 (seed S000; research/domain.md §D.1): the council's
  name at the top right, "Health and Wellbeing Board" and the meeting
  date as the masthead, a ruled two-column cover table in the seed's field
  order (the accountable employee and the considering body split their
  value across two columns, as the seed prints them), "Recommendation(s)
  for action or decision" and "Recommendations for noting" with numbered
  items on the first page, then decimal sections 1.0 … 10.0 from a new
  page, numbers in a hanging column, bold sub-headings.

  A customisation layer of report.xsl: parameters, attribute sets and
  templates of the model's FO (mode "fo") only.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:d="urn:cocom:document:1"
    exclude-result-prefixes="d">

  <xsl:import href="report.xsl"/>

  <xsl:param name="house-style-name" select="'city-of-wolverhampton'"/>
  <xsl:param name="cover-value-columns" select="2"/>
  <xsl:param name="cover-label-width" select="34"/>
  <xsl:param name="first-section-new-page" select="'yes'"/>
  <xsl:param name="section-font-size" select="'13pt'"/>
  <xsl:param name="table-head-background" select="'#D9D9D9'"/>
  <xsl:param name="link-color" select="'#0563C1'"/>
  <!-- The council's reports have no contents list (the seed has none). -->
  <xsl:param name="report-toc" select="'no'"/>
  <xsl:param name="rule-color" select="'#000000'"/>
  <xsl:param name="running-color" select="'#404040'"/>

  <!-- Masthead: the council top right, then the board and the date in bold. -->
  <xsl:template match="d:box[@role = 'masthead']" mode="fo">
    <fo:block role="Div" space-after="10pt">
      <xsl:for-each select="d:p[@role = 'council']">
        <fo:block role="P" text-align="end" font-size="14pt" font-weight="bold" space-after="4pt">
          <xsl:value-of select="."/>
        </fo:block>
      </xsl:for-each>
      <fo:block role="H1" font-size="22pt" font-weight="bold" line-height="1.2">
        <xsl:value-of select="d:title"/>
      </fo:block>
      <fo:block role="P" font-size="16pt" font-weight="bold" space-before="4pt">
        <xsl:value-of select="d:p[@role = 'date']"/>
      </fo:block>
    </fo:block>
  </xsl:template>

  <xsl:attribute-set name="report.cover.label">
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="padding">5pt</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="report.cover.value">
    <xsl:attribute name="padding">5pt</xsl:attribute>
  </xsl:attribute-set>

  <!-- Accountable employee(s): name and "Tel"/"Email" in the first value
       column; job title and the number/address in the second. -->
  <xsl:template match="d:field[@name = 'accountable-employees']" mode="fo-cover-row">
    <xsl:variable name="label" select="string(d:label)"/>
    <xsl:for-each select="d:value/d:group[@role = 'contact']">
      <fo:table-row role="TR" keep-together.within-page="always">
        <fo:table-cell xsl:use-attribute-sets="report.cover.label" role="TH">
          <fo:block role="P"><xsl:if test="position() = 1"><xsl:value-of select="$label"/></xsl:if></fo:block>
        </fo:table-cell>
        <fo:table-cell xsl:use-attribute-sets="report.cover.value" role="TD">
          <fo:block role="P"><xsl:value-of select="d:p[@role = 'name']"/></fo:block>
          <xsl:for-each select="d:p[@role = 'phone']"><fo:block role="P"><xsl:value-of select="d:span[@role = 'label']"/></fo:block></xsl:for-each>
          <xsl:for-each select="d:p[@role = 'email']"><fo:block role="P"><xsl:value-of select="d:span[@role = 'label']"/></fo:block></xsl:for-each>
        </fo:table-cell>
        <fo:table-cell xsl:use-attribute-sets="report.cover.value" role="TD">
          <fo:block role="P"><xsl:value-of select="d:p[@role = 'job-title']"/></fo:block>
          <xsl:for-each select="d:p[@role = 'phone']"><fo:block role="P"><xsl:value-of select="normalize-space(text()[last()])"/></fo:block></xsl:for-each>
          <xsl:for-each select="d:p[@role = 'email']">
            <fo:block role="P"><xsl:apply-templates select="d:link" mode="fo-inline"/></fo:block>
          </xsl:for-each>
        </fo:table-cell>
      </fo:table-row>
    </xsl:for-each>
  </xsl:template>

  <!-- Report to be/has been considered by: the body, then its date. -->
  <xsl:template match="d:field[@name = 'considered-by']" mode="fo-cover-row">
    <xsl:variable name="label" select="string(d:label)"/>
    <xsl:for-each select="d:value/d:p[@role = 'considering-body']">
      <fo:table-row role="TR" keep-together.within-page="always">
        <fo:table-cell xsl:use-attribute-sets="report.cover.label" role="TH">
          <fo:block role="P"><xsl:if test="position() = 1"><xsl:value-of select="$label"/></xsl:if></fo:block>
        </fo:table-cell>
        <fo:table-cell xsl:use-attribute-sets="report.cover.value" role="TD">
          <fo:block role="P"><xsl:value-of select="d:span[@role = 'body']"/></fo:block>
        </fo:table-cell>
        <fo:table-cell xsl:use-attribute-sets="report.cover.value" role="TD">
          <fo:block role="P"><xsl:value-of select="d:span[@role = 'date']"/></fo:block>
        </fo:table-cell>
      </fo:table-row>
    </xsl:for-each>
  </xsl:template>

  <!-- The recommendations: bold headings, the lead-in, numbered items. -->
  <xsl:attribute-set name="report.recommendations">
    <xsl:attribute name="space-after">6pt</xsl:attribute>
  </xsl:attribute-set>
</xsl:stylesheet>
