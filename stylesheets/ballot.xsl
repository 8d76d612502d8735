<?xml version="1.0" encoding="UTF-8"?>
<!--
  stylesheets/ballot.xsl — the practice ballot paper of the Local Medical
  Committees' "Co-Commissioning: Making the Right Choice" (seed S003, the
  last page; wording in templates/ballot.xml): one page for each member
  practice of the CCG whose name is known, each with its own name and ODS
  code; when the practices are not known, the LMC's blank paper, once, for
  the practice to complete.  Each page: the practice header, "(Name of
  Practice) wishes to mandate (Name of CCG) to undertake the following
  co-commissioning model for 2015/16", the three boxes Model I / II / III,
  the one-choice instruction, Signed / On behalf of / Date, and the day
  the form is to be returned by (mandate/ballot/@closes, else a blank).

  In the LMC's words (voice lmc: "Model I/II/III").  Its date is the
  ballot's issue (mandate/ballot/@issued), else the CCG's submission, else
  the deadline for the model: a ballot comes before the CCG's choice, and
  knows nothing later.

  Parameter: ccg — the ccg/@id (default: the first CCG).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:a="urn:cocom:arrangement:1"
    xmlns:t="urn:cocom:templates:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:c="urn:cocom:functions:1"
    exclude-result-prefixes="a t exsl c">

  <xsl:import href="base.xsl"/>

  <!-- The ballot paper is the LMC's form. -->
  <xsl:param name="voice" select="'lmc'"/>

  <xsl:param name="ballot-file" select="'../templates/ballot.xml'"/>
  <!-- The height left in each model box for the mark. -->
  <xsl:param name="box-space" select="'22mm'"/>
  <xsl:param name="ballot-title-font-size" select="'20pt'"/>

  <xsl:variable name="ballot" select="document($ballot-file)/t:ballot"/>
  <xsl:variable name="practices" select="$the-ccg/a:practices/a:practice"/>

  <!-- The paper's date: the ballot's issue; failing that, the CCG's
       choice it informs (the submission, else the model's deadline). -->
  <xsl:template name="document-date-default">
    <xsl:choose>
      <xsl:when test="$the-ballot/@issued"><xsl:value-of select="$the-ballot/@issued"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="application-date"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The practice whose paper is being made (a slot's context). -->
  <xsl:template match="t:slot[@name = 'practice']" mode="fill-element">
    <xsl:param name="practice" select="/.."/>
    <xsl:choose>
      <xsl:when test="$practice"><fo:inline font-weight="bold" role="Span"><xsl:value-of select="normalize-space($practice/a:name)"/></fo:inline></xsl:when>
      <xsl:otherwise><xsl:value-of select="$ballot/t:placeholder[@name = 'practice']"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="t:slot[@name = 'ccg']" mode="fill-element">
    <fo:inline font-weight="bold" role="Span"><xsl:value-of select="normalize-space($the-ccg/a:name)"/></fo:inline>
  </xsl:template>

  <xsl:template match="/">
    <xsl:if test="not($model-kind = 'joint' or $model-kind = 'delegated')">
      <xsl:message terminate="yes">cocom: ballot papers are made for joint or delegated commissioning; this arrangement's model is <xsl:value-of select="$model-kind"/></xsl:message>
    </xsl:if>
    <xsl:if test="not($the-ccg)">
      <xsl:message terminate="yes">cocom: the arrangement has no CCG<xsl:if test="$ccg != ''"> with the id "<xsl:value-of select="$ccg"/>"</xsl:if></xsl:message>
    </xsl:if>
    <xsl:variable name="doc-name"><xsl:call-template name="text-string"><xsl:with-param name="name" select="'title-ballot'"/></xsl:call-template></xsl:variable>
    <xsl:call-template name="fo-document">
      <xsl:with-param name="title" select="concat($doc-name, ' (', normalize-space($ballot/t:title), '): ', normalize-space($the-ccg/a:name))"/>
      <xsl:with-param name="running-left" select="$doc-name"/>
      <xsl:with-param name="description">
        <xsl:call-template name="text-string"><xsl:with-param name="name" select="'describe-ballot'"/></xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="footer-note"><xsl:apply-templates select="$ballot/t:source/node()" mode="fill"/></xsl:with-param>
      <xsl:with-param name="bookmarks">
        <xsl:for-each select="$practices">
          <xsl:call-template name="bookmark">
            <xsl:with-param name="id" select="concat('ballot-', position())"/>
            <xsl:with-param name="title" select="a:name"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:with-param>
      <xsl:with-param name="content">
        <xsl:for-each select="$practices">
          <xsl:call-template name="ballot.paper">
            <xsl:with-param name="practice" select="."/>
            <xsl:with-param name="n" select="position()"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:if test="not($practices)">
          <xsl:call-template name="ballot.paper"><xsl:with-param name="n" select="1"/></xsl:call-template>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- One paper, on a page of its own. -->
  <xsl:template name="ballot.paper">
    <xsl:param name="practice" select="/.."/>
    <xsl:param name="n"/>
    <fo:block role="Div" id="ballot-{$n}" keep-together.within-page="always">
      <xsl:if test="$n &gt; 1"><xsl:attribute name="break-before">page</xsl:attribute></xsl:if>
      <fo:block role="H1" font-size="{$ballot-title-font-size}" font-weight="bold" line-height="1.2"
                color="{$title-color}" text-align="center" space-after="14pt">
        <xsl:apply-templates select="$ballot/t:title/node()" mode="fill"/>
      </fo:block>
      <!-- The practice header: the practice's name and code, or the
           template's "Practice Header" for the practice to fill in. -->
      <fo:block role="Div" margin-left="0pt" margin-right="0pt" border="1pt solid {$nhs-dark-grey}" padding="8pt" space-after="16pt" text-align="center">
        <xsl:choose>
          <xsl:when test="$practice">
            <fo:block role="P" font-size="16pt" font-weight="bold"><xsl:value-of select="normalize-space($practice/a:name)"/></fo:block>
            <xsl:if test="$practice/@ods-code">
              <fo:block role="P"><xsl:apply-templates select="$ballot/t:field[@name = 'practice-code']/node()" mode="fill"/><xsl:text> </xsl:text><xsl:value-of select="$practice/@ods-code"/></fo:block>
            </xsl:if>
          </xsl:when>
          <xsl:otherwise>
            <fo:block role="P" color="{$nhs-dark-grey}" padding-top="10pt" padding-bottom="6pt">
              <xsl:apply-templates select="$ballot/t:practice-header/node()" mode="fill"/>
            </fo:block>
            <!-- The practice's code, for the practice to write in. -->
            <fo:block role="P" text-align="start" text-align-last="justify">
              <fo:inline font-weight="bold" role="Span"><xsl:apply-templates select="$ballot/t:field[@name = 'practice-code']/node()" mode="fill"/></fo:inline>
              <xsl:text> </xsl:text>
              <fo:inline xsl:use-attribute-sets="blank" role="Span"><fo:leader leader-pattern="dots"/></fo:inline>
            </fo:block>
          </xsl:otherwise>
        </xsl:choose>
      </fo:block>
      <fo:block role="P" font-size="14pt" line-height="1.4" space-after="16pt">
        <xsl:apply-templates select="$ballot/t:mandate/node()" mode="fill">
          <xsl:with-param name="practice" select="$practice"/>
        </xsl:apply-templates>
      </fo:block>
      <xsl:call-template name="ballot.boxes"/>
      <fo:block role="P" space-before="14pt" space-after="24pt">
        <xsl:apply-templates select="$ballot/t:instruction/node()" mode="fill"/>
      </fo:block>
      <xsl:call-template name="ballot.field">
        <xsl:with-param name="label" select="$ballot/t:field[@name = 'signed']"/>
      </xsl:call-template>
      <xsl:call-template name="ballot.field">
        <xsl:with-param name="label" select="$ballot/t:field[@name = 'on-behalf-of']"/>
        <xsl:with-param name="value" select="normalize-space($practice/a:name)"/>
      </xsl:call-template>
      <xsl:call-template name="ballot.field">
        <xsl:with-param name="label" select="$ballot/t:field[@name = 'date']"/>
      </xsl:call-template>
      <!-- The day to return it by: the ballot's closing date, else a
           blank for the CCG to complete. -->
      <xsl:call-template name="ballot.field">
        <xsl:with-param name="label" select="$ballot/t:return-by"/>
        <xsl:with-param name="value">
          <xsl:if test="$the-ballot/@closes"><xsl:call-template name="format-date"><xsl:with-param name="date" select="$the-ballot/@closes"/></xsl:call-template></xsl:if>
        </xsl:with-param>
      </xsl:call-template>
      <fo:block role="P" color="{$nhs-dark-grey}" space-before="24pt">
        <xsl:apply-templates select="$ballot/t:advice/node()" mode="fill"/>
      </fo:block>
    </fo:block>
  </xsl:template>

  <!-- The three boxes, side by side: to a screen reader, a list of the
       three models (the table is only there for the layout). -->
  <xsl:template name="ballot.boxes">
    <fo:table table-layout="fixed" width="100%" border-collapse="separate" border-separation="4mm" role="L">
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-body start-indent="0pt" end-indent="0pt" role="NonStruct">
        <fo:table-row role="NonStruct">
          <xsl:for-each select="$ballot/t:option">
            <fo:table-cell border="2pt solid {$nhs-black}" padding="6pt" padding-bottom="{$box-space}" role="LI" text-align="center">
              <fo:block role="LBody">
                <fo:block role="P" font-size="14pt" font-weight="bold"><xsl:call-template name="label"><xsl:with-param name="set" select="'model'"/><xsl:with-param name="value" select="@model"/></xsl:call-template></fo:block>
                <fo:block role="P"><xsl:apply-templates select="t:description/node()" mode="fill"/></fo:block>
              </fo:block>
            </fo:table-cell>
          </xsl:for-each>
        </fo:table-row>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <!-- A field: its label, then the value or a dotted line. -->
  <xsl:template name="ballot.field">
    <xsl:param name="label"/>
    <xsl:param name="value" select="''"/>
    <fo:block role="P" space-after="18pt">
      <xsl:if test="$value = ''"><xsl:attribute name="text-align-last">justify</xsl:attribute></xsl:if>
      <fo:inline font-weight="bold" role="Span"><xsl:apply-templates select="$label/node()" mode="fill"/></fo:inline>
      <xsl:text> </xsl:text>
      <xsl:choose>
        <xsl:when test="$value != ''"><xsl:value-of select="$value"/></xsl:when>
        <xsl:otherwise><fo:inline xsl:use-attribute-sets="blank" role="Span"><fo:leader leader-pattern="dots"/></fo:inline></xsl:otherwise>
      </xsl:choose>
    </fo:block>
  </xsl:template>

  <!-- Pass the practice down through the fill of the mandate sentence. -->
  <xsl:template match="t:*" mode="fill">
    <xsl:param name="practice" select="/.."/>
    <xsl:variable name="ok"><xsl:call-template name="holds"/></xsl:variable>
    <xsl:if test="$ok = 'yes'">
      <xsl:apply-templates select="." mode="fill-element">
        <xsl:with-param name="practice" select="$practice"/>
      </xsl:apply-templates>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
