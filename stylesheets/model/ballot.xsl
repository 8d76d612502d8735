<?xml version="1.0" encoding="UTF-8"?>
<!--
  stylesheets/model/ballot.xsl — the practice ballot paper of the Local
  Medical Committees' "Co-Commissioning: Making the Right Choice" (seed
  S003, the last page; wording in templates/ballot.xml), as a document of
  the model (urn:cocom:document:1): one paper for each member practice of
  the CCG whose name is known, each with its own name and ODS code; when
  the practices are not known, the LMC's blank paper, once, for the
  practice to complete.

  Each paper is a group (role "ballot-paper") that begins on a new page
  and stays on one: the form's title; the practice header (a box) whose
  heading is the practice's name, or the template's "Practice Header" on
  the blank paper, so that a reader of the HTML or the DOCX can tell the
  papers apart; "(Name of Practice) wishes to mandate (Name of CCG) to
  undertake the following co-commissioning model for 2015/16"; the
  three models as choices to mark; the one-choice instruction; Signed /
  On behalf of / Date and the day the form is to be returned by
  (mandate/ballot/@closes, else a blank) as fields; the LMC's advice.

  What the paper holds, never how it looks: stylesheets/ballot.xsl turns
  this into FO (output/fo.xsl).  Run alone, it writes the model:
    xsltproc -stringparam ccg ID stylesheets/model/ballot.xsl arrangement.xml

  In the LMC's words (voice lmc: "Model I/II/III").  Its date is the
  ballot's issue (mandate/ballot/@issued), else the CCG's submission, else
  the deadline for the model: a ballot comes before the CCG's choice, and
  knows nothing later.

  Parameter: ccg — the ccg/@id (default: the first CCG).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:d="urn:cocom:document:1"
    xmlns:a="urn:cocom:arrangement:1"
    xmlns:t="urn:cocom:templates:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:c="urn:cocom:functions:1"
    exclude-result-prefixes="a t exsl c">

  <xsl:import href="common.xsl"/>

  <!-- The ballot paper is the LMC's form. -->
  <xsl:param name="voice" select="'lmc'"/>

  <xsl:param name="ballot-file" select="'../../templates/ballot.xml'"/>

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

  <!-- The practice whose paper is being made (a slot's context): its
       name, strong, as the form fills it in; on the blank paper the
       template's "(Name of Practice)". -->
  <xsl:template match="t:slot[@name = 'practice']" mode="fill-element">
    <xsl:param name="practice" select="/.."/>
    <xsl:choose>
      <xsl:when test="$practice"><d:strong><xsl:value-of select="normalize-space($practice/a:name)"/></d:strong></xsl:when>
      <xsl:otherwise><xsl:value-of select="$ballot/t:placeholder[@name = 'practice']"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="t:slot[@name = 'ccg']" mode="fill-element">
    <d:strong><xsl:value-of select="normalize-space($the-ccg/a:name)"/></d:strong>
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

  <!-- ================================================================ -->
  <xsl:template match="/">
    <xsl:if test="not($model-kind = 'joint' or $model-kind = 'delegated')">
      <xsl:message terminate="yes">cocom: ballot papers are made for joint or delegated commissioning; this arrangement's model is <xsl:value-of select="$model-kind"/></xsl:message>
    </xsl:if>
    <xsl:if test="not($the-ccg)">
      <xsl:message terminate="yes">cocom: the arrangement has no CCG<xsl:if test="$ccg != ''"> with the id "<xsl:value-of select="$ccg"/>"</xsl:if></xsl:message>
    </xsl:if>
    <xsl:variable name="doc-name"><xsl:call-template name="text-string"><xsl:with-param name="name" select="'title-ballot'"/></xsl:call-template></xsl:variable>
    <d:document type="ballot" xml:lang="{$doc-lang}">
      <d:metadata>
        <d:title><xsl:value-of select="concat($doc-name, ' (', normalize-space($ballot/t:title), '): ', normalize-space($the-ccg/a:name))"/></d:title>
        <d:issuer><xsl:call-template name="ccg-names"><xsl:with-param name="ccgs" select="$the-ccgs"/></xsl:call-template></d:issuer>
        <d:description><xsl:call-template name="text-string"><xsl:with-param name="name" select="'describe-ballot'"/></xsl:call-template></d:description>
        <xsl:if test="$dated">
          <d:date value="{normalize-space($document-date)}"><xsl:call-template name="format-date"><xsl:with-param name="date" select="$document-date"/></xsl:call-template></d:date>
        </xsl:if>
        <d:running-head>
          <d:start><xsl:value-of select="$doc-name"/></d:start>
          <d:end><xsl:call-template name="running-ccgs"/></d:end>
        </d:running-head>
        <d:running-foot><xsl:apply-templates select="$ballot/t:source/node()" mode="fill"/></d:running-foot>
        <d:outline>
          <xsl:for-each select="$practices">
            <d:bookmark ref="ballot-{position()}" title="{normalize-space(a:name)}"/>
          </xsl:for-each>
        </d:outline>
      </d:metadata>
      <d:body>
        <xsl:for-each select="$practices">
          <xsl:call-template name="ballot.paper">
            <xsl:with-param name="practice" select="."/>
            <xsl:with-param name="n" select="position()"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:if test="not($practices)">
          <xsl:call-template name="ballot.paper"><xsl:with-param name="n" select="1"/></xsl:call-template>
        </xsl:if>
      </d:body>
    </d:document>
  </xsl:template>

  <!-- One paper, on a page of its own. -->
  <xsl:template name="ballot.paper">
    <xsl:param name="practice" select="/.."/>
    <xsl:param name="n"/>
    <d:group role="ballot-paper" id="ballot-{$n}" keep="together">
      <xsl:if test="$n &gt; 1"><xsl:attribute name="new-page">yes</xsl:attribute></xsl:if>
      <d:title><xsl:apply-templates select="$ballot/t:title/node()" mode="fill"/></d:title>
      <!-- The practice header: the practice's name (the paper's heading)
           and code, or the template's "Practice Header" and a code for
           the practice to write in. -->
      <d:box role="practice-header">
        <xsl:choose>
          <xsl:when test="$practice">
            <d:subheading level="2" role="practice"><xsl:value-of select="normalize-space($practice/a:name)"/></d:subheading>
            <xsl:if test="$practice/@ods-code">
              <xsl:call-template name="ballot.field">
                <xsl:with-param name="role" select="'practice-code'"/>
                <xsl:with-param name="name" select="'practice-code'"/>
                <xsl:with-param name="label" select="$ballot/t:field[@name = 'practice-code']"/>
                <xsl:with-param name="value" select="string($practice/@ods-code)"/>
              </xsl:call-template>
            </xsl:if>
          </xsl:when>
          <xsl:otherwise>
            <d:subheading level="2" role="placeholder"><xsl:apply-templates select="$ballot/t:practice-header/node()" mode="fill"/></d:subheading>
            <xsl:call-template name="ballot.field">
              <xsl:with-param name="role" select="'practice-code'"/>
              <xsl:with-param name="name" select="'practice-code'"/>
              <xsl:with-param name="label" select="$ballot/t:field[@name = 'practice-code']"/>
              <xsl:with-param name="purpose" select="'practice code'"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </d:box>
      <d:p role="mandate">
        <xsl:apply-templates select="$ballot/t:mandate/node()" mode="fill">
          <xsl:with-param name="practice" select="$practice"/>
        </xsl:apply-templates>
      </d:p>
      <!-- The three models, one box each to mark, in the LMC's words. -->
      <d:choices role="ballot">
        <xsl:for-each select="$ballot/t:option">
          <d:choice value="{@model}">
            <d:label><xsl:call-template name="label"><xsl:with-param name="set" select="'model'"/><xsl:with-param name="value" select="@model"/></xsl:call-template></d:label>
            <d:description><xsl:apply-templates select="t:description/node()" mode="fill"/></d:description>
          </d:choice>
        </xsl:for-each>
      </d:choices>
      <d:p role="instruction"><xsl:apply-templates select="$ballot/t:instruction/node()" mode="fill"/></d:p>
      <!-- What the practice completes; the day to return it by is the
           ballot's closing date, else a blank for the CCG to complete. -->
      <d:fields role="ballot-return">
        <xsl:call-template name="ballot.field">
          <xsl:with-param name="name" select="'signed'"/>
          <xsl:with-param name="label" select="$ballot/t:field[@name = 'signed']"/>
          <xsl:with-param name="purpose" select="'signature'"/>
        </xsl:call-template>
        <xsl:call-template name="ballot.field">
          <xsl:with-param name="name" select="'on-behalf-of'"/>
          <xsl:with-param name="label" select="$ballot/t:field[@name = 'on-behalf-of']"/>
          <xsl:with-param name="value" select="normalize-space($practice/a:name)"/>
          <xsl:with-param name="purpose" select="'name of practice'"/>
        </xsl:call-template>
        <xsl:call-template name="ballot.field">
          <xsl:with-param name="name" select="'date'"/>
          <xsl:with-param name="label" select="$ballot/t:field[@name = 'date']"/>
          <xsl:with-param name="purpose" select="'date'"/>
        </xsl:call-template>
        <xsl:call-template name="ballot.field">
          <xsl:with-param name="name" select="'return-by'"/>
          <xsl:with-param name="label" select="$ballot/t:return-by"/>
          <xsl:with-param name="value">
            <xsl:if test="$the-ballot/@closes"><xsl:call-template name="format-date"><xsl:with-param name="date" select="$the-ballot/@closes"/></xsl:call-template></xsl:if>
          </xsl:with-param>
          <xsl:with-param name="purpose" select="'date'"/>
        </xsl:call-template>
      </d:fields>
      <d:p role="advice"><xsl:apply-templates select="$ballot/t:advice/node()" mode="fill"/></d:p>
    </d:group>
  </xsl:template>

  <!-- A field: its label (a model text), then the value, or a blank to
       the end of the line for what is to be written.  With a role, a
       fields element of its own (the practice header's code). -->
  <xsl:template name="ballot.field">
    <xsl:param name="role" select="''"/>
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="value" select="''"/>
    <xsl:param name="purpose" select="''"/>
    <xsl:variable name="field">
      <d:field name="{$name}">
        <d:label><xsl:apply-templates select="$label/node()" mode="fill"/></d:label>
        <d:value>
          <xsl:choose>
            <xsl:when test="string($value) != ''"><xsl:value-of select="$value"/></xsl:when>
            <xsl:otherwise><d:blank width="line" purpose="{$purpose}"/></xsl:otherwise>
          </xsl:choose>
        </d:value>
      </d:field>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$role != ''"><d:fields role="{$role}"><xsl:copy-of select="$field"/></d:fields></xsl:when>
      <xsl:otherwise><xsl:copy-of select="$field"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
